"""Jupyter server settings of the course service (the shared formgrader server).

JupyterHub >= 4.1 sends ``Content-Security-Policy: frame-ancestors 'none'`` from every server,
and formgrader's JupyterLab panel is an iframe of the same server, so it stays blank
(nbgrader #1870, #1910, #1919). JupyterHub only sets that header when none is configured;
allowing frames from the same origin, as nbgrader's demos do, brings the panel back. nbgrader's
docs call this less secure unless the hub uses subdomains (``JupyterHub.enable_subdomains``);
opening formgrader in its own browser tab (``/services/allyship/formgrader``) needs no change.
"""

c = get_config()  # noqa: F821 - provided by jupyter_server when it loads this file

c.ServerApp.tornado_settings = {"headers": {"Content-Security-Policy": "frame-ancestors 'self'"}}
