// The chat page: asks the bot which Direct Line to use, gets a token from the bot's own server, and starts Web Chat.
// Served as a file (no inline script), so the page's Content-Security-Policy can forbid inline code.
(function () {
  'use strict';

  var body = document.body;
  var options = JSON.parse(body.getAttribute('data-options') || '{}');
  var status = document.getElementById('chat-status');
  var startersBox = document.getElementById('starters');

  function showStatus(text) {
    status.textContent = text;
  }

  function getJson(url, init) {
    return fetch(url, init).then(function (response) {
      if (!response.ok) throw new Error(url + ' answered ' + response.status);
      return response.json();
    });
  }

  // The accent is a hex colour (the server checks), applied as a CSS custom property, never as markup.
  if (options.accent) document.documentElement.style.setProperty('--accent', options.accent);

  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  function styleOptions(accent) {
    return {
      accent: accent,
      primaryFont: FONT,
      backgroundColor: '#ffffff',
      bubbleBackground: '#eef3f2',
      bubbleBorderRadius: 12,
      bubbleBorderWidth: 0,
      bubbleFromUserBackground: accent,
      bubbleFromUserTextColor: '#ffffff',
      bubbleFromUserBorderRadius: 12,
      bubbleFromUserBorderWidth: 0,
      bubbleMaxWidth: 560,
      botAvatarInitials: 'MSL',
      botAvatarBackgroundColor: accent,
      suggestedActionLayout: 'flow',
      suggestedActionBorderColor: accent,
      suggestedActionTextColor: accent,
      suggestedActionBorderRadius: 16,
      sendBoxButtonColor: accent,
      hideUploadButton: true
    };
  }

  function renderStarters(starters, store) {
    if (!starters || starters.length === 0) return;
    starters.forEach(function (question) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = question;
      button.addEventListener('click', function () {
        store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: question } });
      });
      startersBox.appendChild(button);
    });
    startersBox.hidden = false;
  }

  function start() {
    if (!window.WebChat) throw new Error('Web Chat did not load');
    return getJson('/api/chat-config').then(function (config) {
      if (config.mode === 'off') {
        showStatus(config.reason);
        return undefined;
      }
      return getJson('/api/directline/token', { method: 'POST' }).then(function (grant) {
        var directLine = window.WebChat.createDirectLine({
          domain: new URL(config.directLine.domain, window.location.origin).href.replace(/\/$/, ''),
          token: grant.token,
          webSocket: config.directLine.webSocket
        });
        // Starter questions make sense only before the first question; hide them once anything is sent.
        var store = window.WebChat.createStore({}, function () {
          return function (next) {
            return function (action) {
              if (action.type === 'DIRECT_LINE/POST_ACTIVITY') startersBox.hidden = true;
              if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') showStatus('');
              return next(action);
            };
          };
        });
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            store: store,
            // Azure's tokens carry their user; the local endpoint's user comes with the token answer.
            userID: config.mode === 'local' ? grant.userId : undefined,
            username: 'You',
            locale: 'en-US',
            overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: 'Ask about the MSL career…' },
            styleOptions: styleOptions(options.accent || '#0b6e69')
          },
          document.getElementById('webchat')
        );
        renderStarters(options.starters, store);
      });
    });
  }

  try {
    start().catch(function (error) {
      console.error(error);
      showStatus('The chat could not start. Please reload the page in a moment.');
    });
  } catch (error) {
    console.error(error);
    showStatus('The chat could not start. Please reload the page in a moment.');
  }
})();
