// Adds the MSL Career Guide chat to any page: a round button in the corner that opens the chat in a panel.
//
//   <script src="BOT-ADDRESS/embed.js" data-title="Ask our MSL guide" data-accent="#0b6e69"
//           data-starters="How do I become an MSL?|What do MSLs earn?" async></script>
//
// where BOT-ADDRESS is the bot's public base URL (the README shows the full snippet).
// The chat itself runs in an iframe served by the bot (/embed), so this script touches nothing on the host page but
// the button and panel it adds. The host's origin must be listed in the bot's ALLOWED_ORIGINS.
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src) return;

  var MAX_TITLE_LENGTH = 60; // the bot refuses longer titles
  var MAX_STARTERS = 3; // and more starters
  var MAX_STARTER_LENGTH = 120;
  var HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
  var DEFAULT_ACCENT = '#0b6e69';

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

  var query = new URLSearchParams();
  if (title) query.set('title', title);
  query.set('accent', accent);
  starters.forEach(function (s) { query.append('starter', s); });
  var chatUrl = botOrigin + '/embed?' + query.toString();
  var label = title || 'MSL Career Guide';

  function css(element, styles) {
    Object.keys(styles).forEach(function (name) { element.style.setProperty(name, styles[name]); });
  }

  var button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', 'Open chat: ' + label);
  button.setAttribute('aria-expanded', 'false');
  css(button, {
    position: 'fixed', right: '20px', bottom: '20px', width: '60px', height: '60px', 'border-radius': '50%',
    border: '0', background: accent, cursor: 'pointer', 'box-shadow': '0 6px 18px rgba(0,0,0,0.25)',
    'z-index': '2147483000', display: 'flex', 'align-items': 'center', 'justify-content': 'center', padding: '0'
  });
  var svgNs = 'http://www.w3.org/2000/svg';
  var icon = document.createElementNS(svgNs, 'svg');
  icon.setAttribute('viewBox', '0 0 40 40');
  icon.setAttribute('width', '34');
  icon.setAttribute('height', '34');
  icon.setAttribute('aria-hidden', 'true');
  var path = document.createElementNS(svgNs, 'path');
  path.setAttribute('fill', '#fff');
  path.setAttribute('d', 'M9 11.5A3.5 3.5 0 0 1 12.5 8h15A3.5 3.5 0 0 1 31 11.5v10a3.5 3.5 0 0 1-3.5 3.5H19l-6 5v-5h-.5A3.5 3.5 0 0 1 9 21.5z');
  icon.appendChild(path);
  button.appendChild(icon);

  var panel = document.createElement('div');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', label);
  panel.hidden = true;
  css(panel, {
    position: 'fixed', right: '20px', bottom: '92px', width: '380px', height: '600px',
    'max-width': 'calc(100vw - 40px)', 'max-height': 'calc(100vh - 120px)', 'border-radius': '14px', overflow: 'hidden',
    background: '#fff', 'box-shadow': '0 12px 40px rgba(0,0,0,0.3)', 'z-index': '2147483000'
  });

  var frame;
  function open() {
    // The chat (and Web Chat's 4 MB script) loads only when someone opens it.
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = chatUrl;
      frame.title = label;
      css(frame, { width: '100%', height: '100%', border: '0', display: 'block' });
      panel.appendChild(frame);
    }
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    button.setAttribute('aria-label', 'Close chat: ' + label);
  }
  function close() {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-label', 'Open chat: ' + label);
  }
  button.addEventListener('click', function () { if (panel.hidden) open(); else close(); });
  document.addEventListener('keydown', function (event) { if (event.key === 'Escape' && !panel.hidden) { close(); button.focus(); } });

  function mount() {
    document.body.appendChild(panel);
    document.body.appendChild(button);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
