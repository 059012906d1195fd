// Emergency alerts on every staff page: the open alerts arrive over server-sent events (the browser
// reconnects by itself) and stay until someone acknowledges them. Patient names go in as text, never HTML.
(function () {
  var box = document.getElementById('alerts');
  if (!box || !window.EventSource) return;
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute('content') : '';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function acknowledge(alert, button) {
    button.disabled = true;
    fetch('/api/alerts/' + encodeURIComponent(alert.id) + '/acknowledge', {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf}, body: '{}'
    }).then(function (r) { if (!r.ok) button.disabled = false; }, function () { button.disabled = false; });
  }

  function markRows(alerts) {
    var flagged = {};
    alerts.forEach(function (a) { flagged[a.invitationId] = a; });
    document.querySelectorAll('tr[data-invitation]').forEach(function (row) {
      var a = flagged[row.getAttribute('data-invitation')];
      var cell = row.querySelector('.alert-cell');
      if (a) {
        row.classList.add('flagged');
        if (cell) cell.textContent = 'EMERGENCY: ' + a.categoryText;
      }
    });
  }

  function show(alerts) {
    box.textContent = '';
    box.hidden = alerts.length === 0;
    if (alerts.length === 0) return;
    var h = el('h2', null, alerts.length === 1 ? 'Emergency alert' : alerts.length + ' emergency alerts');
    box.appendChild(h);
    alerts.forEach(function (a) {
      var item = el('div', 'alert-item');
      item.setAttribute('role', 'alert');
      item.setAttribute('data-alert', a.id);
      var what = el('p');
      what.appendChild(el('strong', null, a.categoryText));
      what.appendChild(document.createTextNode(' \u2014 ' + a.patientName + (a.reference ? ' (ref ' + a.reference + ')' : '')
        + ', ' + a.raisedAtText + '. The patient was told to call 999 or NHS 111; please contact them now.'));
      item.appendChild(what);
      var b = el('button', 'ack', 'Acknowledge alert for ' + a.patientName);
      b.type = 'button';
      b.addEventListener('click', function () { acknowledge(a, b); });
      item.appendChild(b);
      box.appendChild(item);
    });
    markRows(alerts);
  }

  var source = new EventSource('/staff/alerts/stream');
  source.addEventListener('alerts', function (e) {
    try { show(JSON.parse(e.data)); } catch (err) { /* a broken event is skipped; the next one brings the whole list */ }
  });
})();
