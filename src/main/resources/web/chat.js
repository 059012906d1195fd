// Patient web chat. Patient and bot text is only ever set with textContent, never as HTML.
(function () {
  'use strict';
  var root = document.getElementById('chat');
  var token = root.getAttribute('data-token');
  var api = '/chat/api/' + encodeURIComponent(token);
  var list = document.getElementById('messages');
  var buttons = document.getElementById('buttons');
  var form = document.getElementById('composer');
  var input = document.getElementById('text');
  var fileInput = document.getElementById('file');
  var finished = document.getElementById('finished');
  var controls = document.getElementById('controls');
  var sending = false;
  // The message whose answer did not arrive, waiting for Retry; nothing newer is sent before it.
  var unsent = null;
  var counter = 0;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  function add(from, text, emergency) {
    var li = el('li', 'msg ' + (from === 'patient' ? 'from-patient' : 'from-bot'));
    if (!emergency) {
      li.textContent = text;
    } else {
      // An emergency reply is an alert with tap-to-call, not one more bubble. The alert role sits inside the
      // list item: a list may hold only list items.
      li.classList.add('emergency');
      var alert = el('div', null, text);
      alert.setAttribute('role', 'alert');
      li.appendChild(alert);
      var calls = el('span', 'calls');
      [['tel:999', 'Call 999'], ['tel:111', 'Call NHS 111']].forEach(function (c) {
        var a = el('a', 'call', c[1]);
        a.href = c[0];
        calls.appendChild(a);
      });
      alert.appendChild(calls);
    }
    list.appendChild(li);
    return li;
  }

  /**
   * The review as sections of items, each with its own Change and Remove, in place of the review's one
   * block of text: changing one line then means retyping that line only.
   */
  function showReview(li, review) {
    li.textContent = '';
    li.classList.add('review');
    li.appendChild(el('p', null, review.intro));
    review.sections.forEach(function (s) {
      var section = el('section', 'review-section');
      section.appendChild(el('h2', null, s.title));
      var items = el('ul', 'review-items');
      s.items.forEach(function (item) {
        var row = el('li', 'review-item');
        row.appendChild(el('span', 'item-text', item.text));
        if (s.editable) row.appendChild(itemActions(s, item, row));
        items.appendChild(row);
      });
      section.appendChild(items);
      li.appendChild(section);
    });
    li.appendChild(el('p', null, review.ask));
  }

  function itemActions(section, item, row) {
    var actions = el('span', 'item-actions');
    var change = el('button', 'link-button', 'Change');
    change.type = 'button';
    change.setAttribute('aria-label', 'Change: ' + item.text);
    change.addEventListener('click', function () { openChange(section, item, row, actions); });
    var remove = el('button', 'link-button', 'Remove');
    remove.type = 'button';
    remove.setAttribute('aria-label', 'Remove: ' + item.text);
    remove.addEventListener('click', function () {
      // 'was': the item as this page shows it, so that a page left open on an older review touches nothing.
      send({edit: {section: section.key, index: item.index, action: 'remove', was: item.value}}, 'Remove: ' + item.text);
    });
    actions.appendChild(change);
    actions.appendChild(remove);
    return actions;
  }

  /** The item's words in a box to change (or, for the decision, its five positions to choose from). */
  function openChange(section, item, row, actions) {
    actions.hidden = true;
    var box = el('form', 'item-change');
    var id = 'change-' + section.key + '-' + item.index;
    var label = el('label', 'visually-hidden', 'New words for: ' + item.text);
    label.htmlFor = id;
    var field;
    if (section.choices) {
      field = el('select');
      section.choices.forEach(function (c) {
        var o = el('option', null, c);
        o.value = c;
        if (c === item.value) o.selected = true;
        field.appendChild(o);
      });
    } else {
      field = el('textarea');
      field.rows = 3;
      field.maxLength = 4000;
      field.value = item.value;
    }
    field.id = id;
    var save = el('button', null, 'Save change');
    save.type = 'submit';
    var cancel = el('button', 'secondary', 'Cancel');
    cancel.type = 'button';
    cancel.addEventListener('click', function () { box.remove(); actions.hidden = false; actions.firstChild.focus(); });
    box.addEventListener('submit', function (e) {
      e.preventDefault();
      var text = field.value.trim();
      if (!text) { field.focus(); return; }
      send({edit: {section: section.key, index: item.index, action: 'change', text: text, was: item.value}}, text);
    });
    [label, field, save, cancel].forEach(function (x) { box.appendChild(x); });
    row.appendChild(box);
    field.focus();
  }

  /** Only the newest review can be changed: an older one's buttons would change what it no longer shows. */
  function retireReviews() {
    list.querySelectorAll('.review .item-actions, .review .item-change').forEach(function (x) { x.remove(); });
  }

  function showButtons(labels) {
    buttons.textContent = '';
    (labels || []).forEach(function (label) {
      var b = el('button', 'chip', label);
      b.type = 'button';
      b.addEventListener('click', function () { send({button: label}, label); });
      buttons.appendChild(b);
    });
    fitScrollPadding();
  }

  /**
   * The controls fixed at the bottom cover what scrolls under them: the page's scroll padding is their
   * height, so that whatever is scrolled into view (by a tap, by Tab, by this script) stops above them.
   */
  function fitScrollPadding() {
    document.documentElement.style.scrollPaddingBottom = (root.classList.contains('done') ? 0 : controls.offsetHeight + 8) + 'px';
  }

  function showProgress(p) {
    if (!p) return;
    document.getElementById('progress').textContent = p.step > 0 && p.step <= p.of && p.label !== 'Sent to your GP'
        ? 'Step ' + p.step + ' of ' + p.of + ': ' + p.label : p.label;
  }

  /**
   * After a reply the newest bot message is read from its start, and the controls (the question's buttons
   * and the composer) stay in view: they are fixed to the bottom of the screen by the style sheet, so this
   * only has to bring the message's start up without hiding it under them.
   */
  function showFrom(first) {
    if (first) first.scrollIntoView({block: 'start'});
    else window.scrollTo(0, document.documentElement.scrollHeight);
  }

  /** Everything an answer says: replies (the review as items), buttons, progress, the finished state. */
  function showAnswer(json) {
    var last = [], first = null, lastBubble = null;
    json.replies.forEach(function (r) {
      lastBubble = add('bot', r.text, r.emergency);
      if (!first) first = lastBubble;
      last = r.buttons;
    });
    if (json.review && lastBubble) showReview(lastBubble, json.review);
    showButtons(last);
    showProgress(json.progress);
    if (json.done) finish();
    showFrom(first);
  }

  function finish() {
    root.classList.add('done');
    fitScrollPadding();
    finished.focus();
  }

  function note(text, className) {
    var li = add('bot', text);
    if (className) li.classList.add(className);
    return li;
  }

  /**
   * A message whose answer did not arrive: its bubble says so and a Retry sends it again with the same
   * id, so that the server applies it once even if the first one did reach it.
   */
  function offerRetry(request, bubble, text) {
    bubble.classList.add('unsent');
    unsent = {request: request, bubble: bubble};
    var li = note(text, 'failed-note');
    buttons.textContent = '';
    var b = el('button', 'chip retry', 'Retry');
    b.type = 'button';
    b.addEventListener('click', function () { li.remove(); post(request, bubble); });
    buttons.appendChild(b);
    fitScrollPadding();
    showFrom(li);
  }

  /**
   * Posts one patient message (text, button, review edit or a file) and shows the answer. A lost answer
   * (no connection, a timeout, 503, 429) offers Retry; a refusal (too large, wrong type, link expired) says
   * why and is not retried.
   */
  function post(request, bubble) {
    sending = true;
    unsent = null;
    bubble.classList.remove('unsent');
    var waiting = request.waiting ? note(request.waiting, 'pending') : null;
    fetch(request.url, request.init()).then(function (r) {
      return r.json().then(function (j) { return {ok: r.ok, status: r.status, json: j}; },
          function () { return {ok: false, status: r.status, json: {}}; });
    }).then(function (res) {
      if (waiting) waiting.remove();
      if (res.ok) { showAnswer(res.json); return; }
      if (res.status >= 500 || res.status === 429 || res.status === 0) {
        offerRetry(request, bubble, res.status === 429 ? 'That was sent too quickly. Wait a few seconds, then press Retry.'
            : 'Sorry, that did not go through. Your message is kept: press Retry to send it again.');
        return;
      }
      bubble.classList.add('refused');
      var refused = note(request.refused(res) || res.json.error || 'Sorry, something went wrong. Please try again.');
      refused.setAttribute('role', 'alert');
      showFrom(refused);
    }).catch(function () {
      if (waiting) waiting.remove();
      offerRetry(request, bubble, 'Sorry, the connection failed. Your message is kept: press Retry to send it again.');
    }).finally(function () { sending = false; });
  }

  function newId() {
    return Date.now().toString(36) + '-' + (counter++) + '-' + Math.random().toString(36).slice(2, 8);
  }

  /** False (and says why) while a message is on its way or waits for Retry: messages keep their order. */
  function canSend() {
    if (sending) return false;
    if (unsent) {
      var li = note('Your last message has not been sent yet. Press Retry first.', 'failed-note');
      showFrom(li);
      return false;
    }
    return true;
  }

  function send(body, shown) {
    if (!canSend()) return false;
    retireReviews();
    body.id = newId();
    var bubble = add('patient', shown);
    showButtons([]);
    post({
      url: api + '/messages',
      init: function () {
        return {method: 'POST', headers: {'Content-Type': 'application/json', 'Idempotency-Key': body.id},
          body: JSON.stringify(body)};
      },
      refused: function () { return null; }
    }, bubble);
    return true;
  }

  /** A photo or PDF of a printout: read by the server (OCR takes a second or two), answered like a message. */
  function sendFile(file) {
    if (!canSend()) return;
    retireReviews();
    var id = newId();
    var bubble = add('patient', (file.type === 'application/pdf' ? 'PDF: ' : 'Photo: ') + file.name);
    showButtons([]);
    post({
      url: api + '/attachments',
      waiting: 'Reading your printout…',
      init: function () {
        var data = new FormData();
        data.append('id', id);
        data.append('file', file, file.name);
        return {method: 'POST', headers: {'Idempotency-Key': id}, body: data};
      },
      // The server says what was wrong and what to do (too big, HEIC, not a photo or PDF, a file that will not
      // open); these are said only when its answer did not arrive whole.
      refused: function (res) {
        if (res.json && res.json.error) return null;
        if (res.status === 413) return 'That file is too large to send (the limit is 15 MB). Try a photo of the page instead.';
        if (res.status === 415) return 'That kind of file cannot be read here. Please send a photo (JPEG or PNG) or a PDF.';
        return null;
      }
    }, bubble);
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    // The box is emptied only once the message is on its way: a refused send keeps what was typed.
    if (send({text: text}, text)) input.value = '';
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
  });
  fileInput.addEventListener('change', function () {
    var file = fileInput.files && fileInput.files[0];
    fileInput.value = '';
    if (file) sendFile(file);
  });
  window.addEventListener('resize', fitScrollPadding);

  fetch(api + '/history').then(function (r) { return r.json(); }).then(function (j) {
    var last = [], lastBot = null;
    (j.messages || []).forEach(function (m) {
      var li = add(m.from, m.text, m.emergency);
      if (m.from === 'bot') lastBot = li;
      last = m.from === 'bot' ? m.buttons : [];
    });
    if (j.review && lastBot) showReview(lastBot, j.review);
    showButtons(last);
    showProgress(j.progress);
    if (j.done) finish();
    showFrom(null);
  }).catch(function () { note('Sorry, the chat could not load. Please refresh the page.'); });
})();
