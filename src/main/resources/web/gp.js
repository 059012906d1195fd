// GP pages: the day list keeps statuses and review marks up to date in place (every 15 s); the summary's
// "copy to record" falls back to select-and-copy where the clipboard API is missing (plain HTTP).
(function () {
  var copy = document.getElementById('copy-record');
  if (copy) copy.addEventListener('click', function () {
    var field = document.getElementById(copy.getAttribute('data-target'));
    var done = function () { copy.textContent = 'Copied'; };
    var fallback = function () {
      field.focus(); field.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      copy.textContent = ok ? 'Copied' : 'Selected: press Ctrl+C to copy';
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(field.value).then(done, fallback);
    else fallback();
  });

  var day = document.getElementById('gp-day');
  if (!day) return;
  var url = '/gp/day.json?date=' + encodeURIComponent(day.getAttribute('data-date'))
    + '&clinician=' + encodeURIComponent(day.getAttribute('data-clinician') || '');
  setInterval(function () {
    fetch(url, {credentials: 'same-origin'}).then(function (r) { return r.ok ? r.json() : null; }).then(function (v) {
      if (!v) return;
      v.rows.forEach(function (r) {
        var row = document.querySelector('tr[data-invitation="' + r.id + '"]');
        if (!row) return;
        var status = row.querySelector('[data-field="status"]');
        if (status) { status.textContent = r.statusText; status.className = 'status ' + r.statusDetail; }
        var reviewed = row.querySelector('[data-field="reviewed"]');
        if (reviewed) reviewed.textContent = r.reviewed ? '\u2713 ' + r.reviewed : '';
        if (r.flags > 0) row.classList.add('flagged');
      });
    }, function () { /* offline for a moment: next time */ });
  }, 15000);
})();
