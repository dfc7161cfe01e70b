// DoJ.Portal public site behaviour. No inline scripts: everything is wired here.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-print]');
  if (button) {
    window.print();
  }
});
