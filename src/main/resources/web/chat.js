// Patient web chat. Patient and bot text is only ever set with textContent, never as HTML.
(function () {
  'use strict';
  var root = document.getElementById('chat');
  var token = root.getAttribute('data-token');
  var list = document.getElementById('messages');
  var buttons = document.getElementById('buttons');
  var form = document.getElementById('composer');
  var input = document.getElementById('text');
  var sending = false;
  var counter = 0;

  function add(from, text, emergency) {
    var li = document.createElement('li');
    li.className = 'msg ' + (from === 'patient' ? 'from-patient' : 'from-bot');
    if (!emergency) {
      li.textContent = text;
    } else {
      // An emergency reply is an alert with tap-to-call, not one more bubble. The alert role sits inside the
      // list item: a list may hold only list items.
      li.classList.add('emergency');
      var alert = document.createElement('div');
      alert.setAttribute('role', 'alert');
      alert.textContent = text;
      li.appendChild(alert);
      var calls = document.createElement('span');
      calls.className = 'calls';
      [['tel:999', 'Call 999'], ['tel:111', 'Call NHS 111']].forEach(function (c) {
        var a = document.createElement('a');
        a.href = c[0];
        a.className = 'call';
        a.textContent = c[1];
        calls.appendChild(a);
      });
      alert.appendChild(calls);
    }
    list.appendChild(li);
    li.scrollIntoView({block: 'end'});
    return li;
  }

  function showButtons(labels) {
    buttons.textContent = '';
    (labels || []).forEach(function (label) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'chip';
      b.textContent = label;
      b.addEventListener('click', function () { send({button: label}, label); });
      buttons.appendChild(b);
    });
  }

  function showError(text) { add('bot', text); }

  function showProgress(p) {
    if (!p) return;
    var el = document.getElementById('progress');
    el.textContent = p.step > 0 && p.step <= p.of && p.label !== 'Sent to your GP'
        ? 'Step ' + p.step + ' of ' + p.of + ': ' + p.label : p.label;
  }

  // Keeps the latest question's buttons and the composer in view on a small screen.
  function keepControlsInView() {
    form.scrollIntoView({block: 'end'});
  }

  /**
   * A message whose answer did not arrive: its bubble says so and a Retry sends it again with the same
   * id, so that the server applies it once even if the first one did reach it.
   */
  function offerRetry(body, shown, bubble, text) {
    bubble.classList.add('unsent');
    showError(text);
    buttons.textContent = '';
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'chip retry';
    b.textContent = 'Retry';
    b.addEventListener('click', function () { send(body, shown, bubble); });
    buttons.appendChild(b);
    keepControlsInView();
  }

  function send(body, shown, retrying) {
    if (sending) return;
    sending = true;
    var bubble = retrying || add('patient', shown);
    if (retrying) bubble.classList.remove('unsent');
    showButtons([]);
    if (!body.id) body.id = Date.now().toString(36) + '-' + (counter++);
    fetch('/chat/api/' + encodeURIComponent(token) + '/messages', {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (j) { return {ok: r.ok, status: r.status, json: j}; });
    }).then(function (res) {
      if (res.status >= 500) { offerRetry(body, shown, bubble, 'Sorry, that did not go through. Please try again.'); return; }
      if (!res.ok) { showError(res.json.error || 'Sorry, something went wrong. Please try again.'); return; }
      var last = [];
      res.json.replies.forEach(function (r) { add('bot', r.text, r.emergency); last = r.buttons; });
      showButtons(last);
      showProgress(res.json.progress);
      if (res.json.done) root.classList.add('done');
      keepControlsInView();
    }).catch(function () {
      offerRetry(body, shown, bubble, 'Sorry, the connection failed. Your message is kept: press Retry to send it again.');
    }).finally(function () { sending = false; input.focus(); });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = '';
    send({text: text}, text);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
  });

  fetch('/chat/api/' + encodeURIComponent(token) + '/history').then(function (r) { return r.json(); }).then(function (j) {
    var last = [];
    (j.messages || []).forEach(function (m) { add(m.from, m.text, m.emergency); last = m.from === 'bot' ? m.buttons : []; });
    showButtons(last);
    showProgress(j.progress);
    keepControlsInView();
    if (j.done) root.classList.add('done');
  }).catch(function () { showError('Sorry, the chat could not load. Please refresh the page.'); });
})();
