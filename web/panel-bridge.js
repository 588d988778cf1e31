// The chat's side of embed.js's panel. When embed.js frames the chat it names its page's origin (?parent=), and this
// script talks to that page only: Escape asks it to close the panel, and it may ask the chat to take the focus
// (the message box when the panel opens, the last control when Shift+Tab wraps round). Every message is checked for
// the sender's window and origin, and posted to that origin only.
(function () {
  'use strict';

  var options = JSON.parse(document.body.getAttribute('data-options') || '{}');
  var parentOrigin = options.parent;
  if (!parentOrigin || window.parent === window) return;
  var SOURCE = 'msl-chat';
  var TABBABLE = 'a[href], button, input, textarea, select, [tabindex]';

  document.body.classList.add('in-panel');

  function tell(type) {
    window.parent.postMessage({ source: SOURCE, type: type }, parentOrigin);
  }

  function tabbables() {
    return Array.prototype.filter.call(document.querySelectorAll(TABBABLE), function (element) {
      return element.tabIndex >= 0 && !element.disabled && element.getClientRects().length > 0;
    });
  }

  // Web Chat draws its message box once it has loaded; a request that comes before waits for it.
  function whenShown(find, then) {
    var element = find();
    if (element) return then(element);
    var observer = new MutationObserver(function () {
      var found = find();
      if (!found) return;
      observer.disconnect();
      then(found);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return undefined;
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== parentOrigin) return;
    var data = event.data || {};
    if (data.source !== SOURCE || data.type !== 'focus') return;
    if (data.at === 'last') {
      var all = tabbables();
      if (all.length > 0) all[all.length - 1].focus();
    } else {
      whenShown(function () { return document.querySelector('[data-id="webchat-sendbox-input"]'); }, function (input) { input.focus(); });
    }
  });

  // Escape that Web Chat did not use itself (it leaves the suggested actions with it, for one) closes the panel.
  window.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !event.defaultPrevented) tell('close');
  });

  tell('ready');
})();
