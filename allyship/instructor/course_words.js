/* nbgrader's fixed labels in the course's language: a JupyterLab extension written by
   allyship/instructor/lab_words.py for an edition whose language is not nbgrader's English.

   nbgrader 0.9.6's front end writes its labels ("Assignments", "Fetch", "Validate", "Submit",
   "Validation Results" ...) as fixed English strings, with no translation hook. This plugin
   watches the page and puts the edition's word in place of each of those labels, wherever one
   is drawn: a text that is exactly the label (spaces around it kept), and a title or
   aria-label attribute that is exactly one. Nothing else on the page is touched, and nothing
   is sent anywhere.

   It is a federated extension written by hand (no build step): JupyterLab loads this file,
   calls init() and get('./extension'), and activates the plugin it returns. */
(function () {
  "use strict";
  var NAME = "__NAME__";
  var WORDS = __WORDS__;
  var ATTRIBUTES = ["title", "aria-label"];

  function swapText(node) {
    var text = node.nodeValue;
    if (!text) return;
    var label = text.trim();
    if (Object.prototype.hasOwnProperty.call(WORDS, label)) {
      var start = text.indexOf(label);
      node.nodeValue = text.slice(0, start) + WORDS[label] + text.slice(start + label.length);
    }
  }

  function swapAttributes(element) {
    for (var i = 0; i < ATTRIBUTES.length; i++) {
      var value = element.getAttribute(ATTRIBUTES[i]);
      if (value && Object.prototype.hasOwnProperty.call(WORDS, value.trim())) {
        element.setAttribute(ATTRIBUTES[i], WORDS[value.trim()]);
      }
    }
  }

  function swapTree(root) {
    if (root.nodeType === Node.TEXT_NODE) {
      swapText(root);
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    swapAttributes(root);
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) swapText(node);
      else swapAttributes(node);
    }
  }

  function start() {
    swapTree(document.body);
    new MutationObserver(function (changes) {
      for (var i = 0; i < changes.length; i++) {
        var change = changes[i];
        if (change.type === "childList") {
          for (var j = 0; j < change.addedNodes.length; j++) swapTree(change.addedNodes[j]);
        } else if (change.type === "characterData") {
          swapText(change.target);
        } else if (change.type === "attributes") {
          swapAttributes(change.target);
        }
      }
    }).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ATTRIBUTES,
    });
  }

  var plugin = {
    id: NAME + ":plugin",
    description: "nbgrader's labels in the course's language",
    autoStart: true,
    activate: function () {
      start();
    },
  };

  var containers = (window._JUPYTERLAB = window._JUPYTERLAB || {});
  containers[NAME] = {
    init: function () {
      return Promise.resolve();
    },
    get: function () {
      return Promise.resolve(function () {
        return { __esModule: true, default: plugin };
      });
    },
  };
})();
