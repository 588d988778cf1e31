// The chat page: asks the bot which Direct Line to use, gets a token from the bot's own server, and starts Web Chat.
// It keeps the conversation in sessionStorage, so a reload resumes it with its history, and when the server no longer
// knows the conversation (the bot restarted, or it sat idle past its expiry) it starts a new one and says so.
// Served as a file (no inline script), so the page's Content-Security-Policy can forbid inline code.
(function () {
  'use strict';

  var options = JSON.parse(document.body.getAttribute('data-options') || '{}');
  var status = document.getElementById('chat-status');
  var startersBox = document.getElementById('starters');

  var SESSION_KEY = 'msl-chat';
  var RESTART_NOTE = 'The chat was restarted, so this is a new conversation.';
  // DirectLineJS's connection statuses that it never leaves on its own: the token was refused (expired, or signed by a
  // bot that has since restarted), the conversation could not be opened, or the service said it is gone.
  var DEAD_STATUSES = [3 /* ExpiredToken */, 4 /* FailedToConnect */, 5 /* Ended */];
  // What Direct Line answers a post to a conversation it no longer has: token refused (403), conversation unknown (404).
  var GONE_ANSWERS = [403, 404];
  // New conversations tried in a row without one coming online; past this the bot is down, and the page says so.
  var MAX_RESTARTS = 3;
  // Wait between those tries: long enough for a restarting bot to come back.
  var RESTART_DELAY_MS = 3000;

  var config;
  var store;
  var current; // { directLine, userId }: the connection Web Chat uses now
  var restarting = false;
  var restartsInARow = 0; // new conversations opened since one last came online
  var notePending = false;
  var lastBotSender;

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

  // In a narrow window (a phone, or embed.js's panel) the bot's avatar would take a sixth of the width from the answers.
  var NARROW = window.matchMedia('(max-width: 520px)');
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  function styleOptions(accent) {
    return {
      accent: accent,
      primaryFont: FONT,
      backgroundColor: '#ffffff',
      // Web Chat's grey (#767676) reads at 4.05:1 on the bot's bubble; this one at 4.95:1. It colours timestamps and
      // the Adaptive Cards' subtle text (the card's Source line) through the host config Web Chat derives from it.
      subtle: '#5b6b70',
      bubbleBackground: '#eef3f2',
      bubbleBorderRadius: 12,
      bubbleBorderWidth: 0,
      bubbleFromUserBackground: accent,
      bubbleFromUserTextColor: '#ffffff',
      bubbleFromUserBorderRadius: 12,
      bubbleFromUserBorderWidth: 0,
      bubbleMaxWidth: 560,
      botAvatarInitials: NARROW.matches ? undefined : options.avatar,
      botAvatarBackgroundColor: accent,
      // A "Just now" under every message says nothing; a screen reader still hears each message's time.
      groupTimestamp: false,
      // Buttons flow side by side while they fit, and a long label wraps inside its button instead of being cut
      // (the wrapping flag sizes the button to its text; chat.css lets the flow layout's text wrap).
      suggestedActionLayout: 'flow',
      suggestedActionsStackedLayoutButtonTextWrap: true,
      suggestedActionHeight: 36,
      suggestedActionBorderColor: accent,
      suggestedActionBorderWidth: 1,
      suggestedActionTextColor: accent,
      suggestedActionBorderRadius: 18,
      sendBoxButtonColor: accent,
      hideUploadButton: true
    };
  }

  function renderStarters(starters) {
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

  // The conversation this tab is in, so a reload can resume it; only for the Direct Line that issued it.
  function savedSession() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) || 'null');
      return saved && saved.domain === config.directLine.domain && saved.conversationId && saved.token ? saved : undefined;
    } catch (error) {
      return undefined; // storage off (some private modes) or garbled: start afresh
    }
  }
  function saveSession() {
    var directLine = current && current.directLine;
    if (!directLine || !directLine.conversationId) return;
    try {
      // The token is the one DirectLineJS holds now: it refreshes it every 15 minutes.
      window.sessionStorage.setItem(SESSION_KEY, JSON.stringify({
        domain: config.directLine.domain, conversationId: directLine.conversationId, token: directLine.token, userId: current.userId
      }));
    } catch (error) { /* the conversation still works, it just won't survive a reload */ }
  }
  function forgetSession() {
    try { window.sessionStorage.removeItem(SESSION_KEY); } catch (error) { /* nothing kept */ }
  }

  function connect(session) {
    // Without a watermark the server replays the conversation from its start: that is the history a reload shows.
    var directLine = window.WebChat.createDirectLine({
      domain: new URL(config.directLine.domain, window.location.origin).href.replace(/\/$/, ''),
      token: session.token,
      conversationId: session.resume ? session.conversationId : undefined,
      webSocket: config.directLine.webSocket
    });
    current = { directLine: directLine, userId: session.userId };
    directLine.connectionStatus$.subscribe(function (connectionStatus) {
      // Statuses of a connection already replaced (Web Chat ends the old one) are none of our business.
      if (current.directLine === directLine && DEAD_STATUSES.indexOf(connectionStatus) !== -1) restart();
    });
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        // Azure's tokens carry their user; the local endpoint's user comes with the token answer.
        userID: config.mode === 'local' ? session.userId : undefined,
        username: 'You',
        locale: 'en-US',
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: options.placeholder },
        styleOptions: styleOptions(options.accent || '#0b6e69'),
        activityStatusMiddleware: keepStatusForVotes
      },
      document.getElementById('webchat')
    );
  }

  // Web Chat draws its thumbs up and down in an answer's status line, which it leaves out when timestamps are hidden:
  // answers that ask for votes keep the line (chat.css hides the time in it, as everywhere else).
  function keepStatusForVotes() {
    return function (next) {
      return function (args) {
        var asks = (args.activity.entities || []).some(function (e) { return e && e.potentialAction; });
        return next(asks ? Object.assign({}, args, { hideTimestamp: false }) : args);
      };
    };
  }

  function startNew() {
    return getJson('/api/directline/token', { method: 'POST' }).then(function (grant) {
      connect({ token: grant.token, conversationId: grant.conversationId, userId: grant.userId, resume: false });
    });
  }

  // The server no longer knows the conversation: open a new one in the same transcript and say so there.
  function restart() {
    if (restarting) return;
    restarting = true;
    notePending = true;
    forgetSession();
    if (restartsInARow >= MAX_RESTARTS) {
      showStatus('The chat could not reconnect. Please reload the page in a moment.');
      return; // and stay "restarting", so nothing tries again
    }
    // The first try is at once; a try after a failed one waits for the bot to come back.
    var delay = restartsInARow === 0 ? 0 : RESTART_DELAY_MS;
    restartsInARow += 1;
    showStatus('Reconnecting…');
    setTimeout(function () {
      startNew().then(function () {
        restarting = false;
      }, function (error) {
        console.error(error);
        restarting = false;
        restart();
      });
    }, delay);
  }

  // Once the new conversation is open: the note goes right after the old conversation's last message, and whatever
  // the person sent that never reached the old one is sent again on the new one, in place of "Send failed".
  function afterRestart() {
    var activities = store.getState().activities;
    var lastSequence = 0;
    var unsent = [];
    activities.forEach(function (activity) {
      if (activity.id) lastSequence = Math.max(lastSequence, activity.channelData['webchat:sequence-id'] || 0);
      else if (activity.from.role === 'user' && activity.type === 'message' && activity.text) unsent.push(activity.text);
    });
    // Messages the server never took are the transcript's only activities without an id; this removes just those.
    if (unsent.length > 0) store.dispatch({ type: 'DIRECT_LINE/DELETE_ACTIVITY', payload: { activityID: undefined } });
    store.dispatch({
      type: 'DIRECT_LINE/INCOMING_ACTIVITY',
      payload: {
        activity: {
          type: 'message',
          id: 'restart-note-' + Date.now(),
          from: lastBotSender || { id: 'bot', name: options.title, role: 'bot' },
          text: RESTART_NOTE,
          timestamp: new Date().toISOString(),
          // Ordered by the old conversation's last message, not by this browser's clock, which may differ the server's.
          channelData: { 'webchat:sequence-id': lastSequence + 1 }
        }
      }
    });
    unsent.forEach(function (text) {
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text } });
    });
  }

  function watch() {
    return function (next) {
      return function (action) {
        var result = next(action);
        if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && current && action.payload.directLine === current.directLine) {
          showStatus('');
          restartsInARow = 0;
          saveSession();
          if (notePending) {
            notePending = false;
            afterRestart();
          }
        } else if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
          var activity = action.payload.activity;
          if (activity.from.role === 'bot' && !/^restart-note-/.test(activity.id)) lastBotSender = activity.from;
          // Starter questions make sense only before the first question.
          if (activity.from.role === 'user') startersBox.hidden = true;
          saveSession();
        } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY') {
          startersBox.hidden = true;
        } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_REJECTED' && action.payload && GONE_ANSWERS.indexOf(action.payload.status) !== -1) {
          // A message the server refused because it forgot the conversation, where no status change said so
          // (over a WebSocket, an expired conversation is only found out by sending).
          restart();
        }
        return result;
      };
    };
  }

  function start() {
    if (!window.WebChat) throw new Error('Web Chat did not load');
    return getJson('/api/chat-config').then(function (answer) {
      config = answer;
      if (config.mode !== 'local' && config.mode !== 'azure') {
        showStatus(config.reason);
        return undefined;
      }
      store = window.WebChat.createStore({}, function () { return watch(); });
      renderStarters(options.starters);
      window.addEventListener('pagehide', saveSession);
      var session = savedSession();
      if (session) {
        connect({ token: session.token, conversationId: session.conversationId, userId: session.userId, resume: true });
        return undefined;
      }
      return startNew();
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
