// DoJ.Portal public site behaviour. No inline scripts: everything is wired here.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-print]');
  if (button) {
    window.print();
  }
});

// A page may come from the page cache: bring the visit counter up to date (figures a few seconds old).
document.addEventListener('DOMContentLoaded', function () {
  var counter = document.querySelector('.visit-counter[data-refresh]');
  if (!counter || !window.fetch || !window.DOMParser) {
    return;
  }
  fetch(counter.getAttribute('data-refresh'), { credentials: 'omit', headers: { Accept: 'text/html' } })
    .then(function (response) { return response.ok ? response.text() : null; })
    .then(function (html) {
      if (!html) {
        return;
      }
      var fresh = new DOMParser().parseFromString(html, 'text/html');
      counter.querySelectorAll('[data-counter]').forEach(function (cell) {
        var value = fresh.querySelector('[data-counter="' + cell.getAttribute('data-counter') + '"]');
        if (value) {
          cell.textContent = value.textContent;
        }
      });
    })
    .catch(function () { /* the figures from the page stay */ });
});
