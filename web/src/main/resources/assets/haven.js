/* Haven: the one script, and not needed: it warns two minutes before an idle session ends and lets
   the reader stay signed in without losing what they typed. Without it, the footer says how long a
   session lasts, and signing in again is all that is lost. */
(function () {
  var box = document.getElementById('idle-warning');
  if (!box || !window.fetch) { return; }
  var after = Number(box.getAttribute('data-after')) * 1000;
  var ping = box.getAttribute('data-ping');
  var button = box.querySelector('button');
  var timer;
  function arm() {
    clearTimeout(timer);
    timer = setTimeout(function () { box.hidden = false; button.focus(); }, after);
  }
  button.addEventListener('click', function () {
    fetch(ping, { method: 'GET', credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      if (r.status === 204) { box.hidden = true; arm(); } else { window.location.reload(); }
    });
  });
  arm();
}());
