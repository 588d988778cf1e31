// Adds the career guide's chat to any page: a round button in a corner that opens the chat in a panel.
//
//   <script src="BOT-ADDRESS/embed.js" data-title="Ask our MSL guide" data-accent="#0b6e69"
//           data-starters="How do I become an MSL?|What do MSLs earn?" data-position="left" data-offset="24 96" async></script>
//
// where BOT-ADDRESS is the bot's public base URL (the README shows the full snippet and every option).
// The chat itself runs in an iframe served by the bot (/embed), so this script touches nothing on the host page but
// the button and panel it adds. The host's origin must be listed in the bot's ALLOWED_ORIGINS: the script asks the
// bot first, and on a page that is not listed it adds nothing and says why in the console.
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src) return;

  var MAX_TITLE_LENGTH = 60; // the bot refuses longer titles
  var MAX_STARTERS = 3; // and more starters
  var MAX_STARTER_LENGTH = 120;
  var HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
  var DEFAULT_ACCENT = '#0b6e69';
  var DEFAULT_OFFSET = 20; // px from the page's side and bottom edges
  // Further in than this and the button would sit over the page's content rather than at its edge.
  var MAX_OFFSET = 400;
  var LAUNCHER_SIZE = 60;
  var GAP = 12; // between the button and the open panel
  // Below this width a floating 380 px panel would leave the page a sliver, so the chat takes the whole screen.
  var NARROW = window.matchMedia('(max-width: 600px)');
  var SOURCE = 'msl-chat'; // marks the messages the chat and this script exchange

  function warn(message) {
    console.warn('Career chat: ' + message);
  }

  var botOrigin = new URL(script.src, document.baseURI).origin;
  var title = (script.getAttribute('data-title') || '').trim().slice(0, MAX_TITLE_LENGTH);
  var accentAttribute = (script.getAttribute('data-accent') || '').trim();
  // Only a hex colour ever reaches a style, on this page or the bot's.
  var accent = HEX_COLOUR.test(accentAttribute) ? accentAttribute : DEFAULT_ACCENT;
  var starters = (script.getAttribute('data-starters') || '')
    .split('|')
    .map(function (s) { return s.trim().slice(0, MAX_STARTER_LENGTH); })
    .filter(function (s) { return s !== ''; })
    .slice(0, MAX_STARTERS);

  // data-position: "right" (the default) or "left". data-offset: px from that side and from the bottom, one number
  // for both or two ("24 96": 24 from the side, 96 up, e.g. to clear a fixed footer).
  var side = (script.getAttribute('data-position') || 'right').trim().toLowerCase();
  if (side !== 'left' && side !== 'right') {
    warn('data-position must be "left" or "right", not "' + side + '"; using "right".');
    side = 'right';
  }
  var offsets = [DEFAULT_OFFSET, DEFAULT_OFFSET];
  var offsetAttribute = (script.getAttribute('data-offset') || '').trim();
  if (offsetAttribute) {
    var parts = offsetAttribute.split(/\s+/).map(function (part) { return /^\d+(?:px)?$/.test(part) ? parseInt(part, 10) : NaN; });
    var valid = parts.length <= 2 && parts.every(function (n) { return n >= 0 && n <= MAX_OFFSET; });
    if (valid) offsets = [parts[0], parts.length === 2 ? parts[1] : parts[0]];
    else warn('data-offset must be one or two numbers of px from 0 to ' + MAX_OFFSET + ', such as "24" or "24 96"; using ' + DEFAULT_OFFSET + '.');
  }

  var query = new URLSearchParams();
  if (title) query.set('title', title);
  query.set('accent', accent);
  starters.forEach(function (s) { query.append('starter', s); });
  // The chat posts its Escape and Tab messages to this page's origin and no other.
  query.set('parent', window.location.origin);
  var chatUrl = botOrigin + '/embed?' + query.toString();
  // Until the bot names its guide (in /api/chat-config), the button is just a chat.
  var label = title || 'Career guide chat';

  function css(element, styles) {
    Object.keys(styles).forEach(function (name) { element.style.setProperty(name, styles[name]); });
  }

  function icon(pathData, size, stroke) {
    var svgNs = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('viewBox', '0 0 40 40');
    svg.setAttribute('width', String(size));
    svg.setAttribute('height', String(size));
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(svgNs, 'path');
    path.setAttribute('d', pathData);
    if (stroke) {
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', '#fff');
      path.setAttribute('stroke-width', '3');
      path.setAttribute('stroke-linecap', 'round');
    } else {
      path.setAttribute('fill', '#fff');
    }
    svg.appendChild(path);
    return svg;
  }

  var launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.setAttribute('aria-label', 'Open chat: ' + label);
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-haspopup', 'dialog');
  css(launcher, {
    position: 'fixed', width: LAUNCHER_SIZE + 'px', height: LAUNCHER_SIZE + 'px', 'border-radius': '50%', border: '0',
    background: accent, cursor: 'pointer', 'box-shadow': '0 6px 18px rgba(0,0,0,0.25)', 'z-index': '2147483000',
    display: 'flex', 'align-items': 'center', 'justify-content': 'center', padding: '0', margin: '0'
  });
  // A speech bubble while closed; a chevron pointing down at it while the panel is open above.
  var chatIcon = icon('M9 11.5A3.5 3.5 0 0 1 12.5 8h15A3.5 3.5 0 0 1 31 11.5v10a3.5 3.5 0 0 1-3.5 3.5H19l-6 5v-5h-.5A3.5 3.5 0 0 1 9 21.5z', 34, false);
  var lowerIcon = icon('M12 16l8 8 8-8', 34, true);
  launcher.appendChild(chatIcon);
  launcher.appendChild(lowerIcon);

  var panel = document.createElement('div');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'true');
  panel.setAttribute('aria-label', label);
  css(panel, { position: 'fixed', display: 'none', overflow: 'hidden', background: '#fff', 'z-index': '2147483001', margin: '0', padding: '0' });

  var closeButton = document.createElement('button');
  closeButton.type = 'button';
  closeButton.setAttribute('aria-label', 'Close chat');
  // Over the chat's title bar, which has the accent colour behind it.
  css(closeButton, {
    position: 'absolute', top: '7px', right: '8px', width: '36px', height: '36px', border: '0', 'border-radius': '8px',
    background: 'transparent', cursor: 'pointer', display: 'flex', 'align-items': 'center', 'justify-content': 'center',
    padding: '0', margin: '0'
  });
  closeButton.appendChild(icon('M12 12l16 16M28 12L12 28', 26, true));

  // Tab never leaves the open panel: focus that reaches either end is sent round to the other.
  function focusGuard(onFocus) {
    var guard = document.createElement('span');
    guard.tabIndex = 0;
    css(guard, { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', opacity: '0' });
    guard.addEventListener('focus', onFocus);
    return guard;
  }

  var frame;
  var frameReady = false;

  function post(message) {
    frame.contentWindow.postMessage(message, botOrigin);
  }
  // Focus goes to the frame first (this page may move it there), then the chat puts it on its own control.
  function focusChat(at) {
    if (!frameReady) return closeButton.focus();
    frame.focus();
    return post({ source: SOURCE, type: 'focus', at: at });
  }

  panel.appendChild(focusGuard(function () { focusChat('last'); }));
  panel.appendChild(closeButton);
  var endGuard = focusGuard(function () { closeButton.focus(); });
  panel.appendChild(endGuard);

  function layout() {
    var narrow = NARROW.matches;
    var open = isOpen();
    var sideOffset = offsets[0] + 'px';
    var bottomOffset = offsets[1] + 'px';
    css(launcher, { left: side === 'left' ? sideOffset : 'auto', right: side === 'right' ? sideOffset : 'auto', bottom: bottomOffset });
    // On a phone the open panel covers the whole screen, button included; its close button is the way back.
    launcher.style.setProperty('display', narrow && open ? 'none' : 'flex');
    chatIcon.style.setProperty('display', open ? 'none' : 'block');
    lowerIcon.style.setProperty('display', open ? 'block' : 'none');
    if (narrow) {
      css(panel, { top: '0', left: '0', right: '0', bottom: '0', width: '100%', height: '100%', 'max-width': 'none', 'max-height': 'none', 'border-radius': '0', 'box-shadow': 'none' });
    } else {
      var above = offsets[1] + LAUNCHER_SIZE + GAP;
      css(panel, {
        top: 'auto', bottom: above + 'px', left: side === 'left' ? sideOffset : 'auto', right: side === 'right' ? sideOffset : 'auto',
        width: '380px', height: '600px', 'max-width': 'calc(100vw - ' + 2 * offsets[0] + 'px)', 'max-height': 'calc(100vh - ' + (above + 16) + 'px)',
        'border-radius': '14px', 'box-shadow': '0 12px 40px rgba(0,0,0,0.3)'
      });
    }
  }

  function open() {
    // The chat (and Web Chat's 4 MB script) loads only when someone opens it.
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = chatUrl;
      frame.title = label;
      css(frame, { width: '100%', height: '100%', border: '0', display: 'block' });
      panel.insertBefore(frame, endGuard);
    }
    panel.style.setProperty('display', 'block');
    launcher.setAttribute('aria-expanded', 'true');
    launcher.setAttribute('aria-label', 'Close chat: ' + label);
    layout();
    closeButton.focus();
    if (frameReady) focusChat('input');
  }

  function close() {
    panel.style.setProperty('display', 'none');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-label', 'Open chat: ' + label);
    layout();
    launcher.focus();
  }

  function isOpen() {
    return panel.style.display !== 'none';
  }

  launcher.addEventListener('click', function () { if (isOpen()) close(); else open(); });
  closeButton.addEventListener('click', close);
  document.addEventListener('keydown', function (event) { if (event.key === 'Escape' && isOpen()) close(); });
  NARROW.addEventListener('change', layout);

  // The chat's messages: it has loaded (so it can take the focus), or Escape was pressed inside it.
  window.addEventListener('message', function (event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== botOrigin) return;
    var data = event.data || {};
    if (data.source !== SOURCE) return;
    if (data.type === 'ready') {
      frameReady = true;
      // Someone who opened the panel before the chat loaded gets the message box, unless they went elsewhere.
      if (isOpen() && document.activeElement === closeButton) focusChat('input');
    } else if (data.type === 'close' && isOpen()) {
      close();
    }
  });

  function mount() {
    launcher.setAttribute('aria-label', 'Open chat: ' + label);
    panel.setAttribute('aria-label', label);
    layout();
    document.body.appendChild(panel);
    document.body.appendChild(launcher);
  }

  // Ask the bot before showing anything: a page it does not allow would get a button that opens a broken frame.
  fetch(botOrigin + '/api/chat-config', { credentials: 'omit', cache: 'no-store' })
    .then(function (response) { return response.json(); })
    .then(function (config) {
      if (config.mode === 'refused') {
        console.error('Career chat: this page (' + window.location.origin + ') may not embed the chat. Add it to the bot\'s ALLOWED_ORIGINS to show the chat button.');
      } else if (config.mode !== 'local' && config.mode !== 'azure') {
        console.error('Career chat: the chat is off on ' + botOrigin + ': ' + config.reason);
      } else {
        // The page's own title wins; otherwise the bot names its guide.
        label = title || config.title || label;
        if (document.body) mount();
        else document.addEventListener('DOMContentLoaded', mount);
      }
    }, function () {
      console.error('Career chat: ' + botOrigin + ' could not be reached, so the chat button is not shown.');
    });
})();
