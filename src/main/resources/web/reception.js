// Reception's day list: copy buttons (with a fallback where the clipboard API is missing, as on plain
// HTTP), a question before cancelling, a quick find, and statuses kept up to date in place every 10 s
// (no reload, so nothing typed in the forms is lost).
(function () {
  var main = document.getElementById('reception');
  if (!main) return;

  document.addEventListener('click', function (e) {
    var b = e.target.closest('button.copy');
    if (!b) return;
    var text = b.getAttribute('data-copy');
    var field = document.getElementById(b.getAttribute('data-target'));
    var done = function () { b.setAttribute('data-label', b.textContent); b.textContent = 'Copied'; };
    var fallback = function () {
      if (field) { field.focus(); field.select(); }
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (err) { ok = false; }
      if (ok) done(); else b.textContent = 'Selected: press Ctrl+C to copy';
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  });

  document.addEventListener('submit', function (e) {
    var q = e.target.getAttribute('data-confirm');
    if (q && !window.confirm(q)) e.preventDefault();
  });

  var find = document.getElementById('find');
  if (find) find.addEventListener('input', function () {
    var q = find.value.trim().toLowerCase();
    document.querySelectorAll('#invitations tr[data-invitation]').forEach(function (row) {
      row.hidden = q !== '' && row.getAttribute('data-find').indexOf(q) < 0;
    });
  });

  function update(view) {
    var summary = document.querySelector('#day-summary strong');
    if (summary) summary.textContent = view.summary;
    view.rows.forEach(function (r) {
      var row = document.querySelector('tr[data-invitation="' + r.id + '"]');
      if (!row) return;
      var status = row.querySelector('[data-field="status"]');
      if (status) { status.textContent = r.statusText; status.className = 'status ' + r.statusDetail; }
      var activity = row.querySelector('[data-field="activity"]');
      if (activity) activity.textContent = r.lastActivityText;
      if (r.alert) {
        row.classList.add('flagged');
        var cell = row.querySelector('.alert-cell');
        if (cell) cell.textContent = 'EMERGENCY: ' + r.alert + (r.alertAcknowledged ? ' (acknowledged by ' + r.alertAcknowledged + ')' : '');
      }
    });
  }

  var url = '/reception/day.json?date=' + encodeURIComponent(main.getAttribute('data-date'))
    + '&clinician=' + encodeURIComponent(main.getAttribute('data-clinician') || '');
  setInterval(function () {
    fetch(url, {credentials: 'same-origin'}).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (v) { if (v) update(v); }, function () { /* offline for a moment: try again next time */ });
  }, 10000);
})();
