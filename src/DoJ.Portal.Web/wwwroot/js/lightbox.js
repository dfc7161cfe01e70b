// An accessible lightbox for album grids ([data-lightbox-group] > a[data-lightbox]). Without this script each
// photo is a plain link to its large image. With it: a modal dialog (role="dialog", aria-modal) shows the photo, its
// caption and "Ảnh n/N"; ← and → go to the previous and next photo, Escape closes, Tab stays inside the dialog, and
// closing returns focus to the thumbnail that opened it. On a touch screen a horizontal swipe changes photo.
(function () {
  'use strict';
  if (window.dojLightbox) { return; }
  window.dojLightbox = true;

  var dialog, image, caption, counter, closeButton, prevButton, nextButton;
  var links = [];
  var index = 0;
  var opener = null;

  function button(className, label, text) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.setAttribute('aria-label', label);
    b.textContent = text;
    return b;
  }

  function build() {
    dialog = document.createElement('div');
    dialog.className = 'lightbox';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-label', 'Trình xem ảnh');
    dialog.hidden = true;
    var frame = document.createElement('div');
    frame.className = 'lightbox-frame';
    var figure = document.createElement('figure');
    figure.className = 'lightbox-figure';
    image = document.createElement('img');
    image.className = 'lightbox-image';
    image.alt = '';
    caption = document.createElement('figcaption');
    caption.className = 'lightbox-caption';
    figure.appendChild(image);
    figure.appendChild(caption);
    counter = document.createElement('p');
    counter.className = 'lightbox-counter';
    counter.setAttribute('aria-live', 'polite');
    prevButton = button('lightbox-prev', 'Ảnh trước', '‹');
    nextButton = button('lightbox-next', 'Ảnh sau', '›');
    closeButton = button('lightbox-close', 'Đóng trình xem ảnh', '×');
    frame.appendChild(figure);
    frame.appendChild(counter);
    frame.appendChild(prevButton);
    frame.appendChild(nextButton);
    frame.appendChild(closeButton);
    dialog.appendChild(frame);
    document.body.appendChild(dialog);

    prevButton.addEventListener('click', function () { show(index - 1); });
    nextButton.addEventListener('click', function () { show(index + 1); });
    closeButton.addEventListener('click', close);
    dialog.addEventListener('click', function (e) { if (e.target === dialog) { close(); } });
    dialog.addEventListener('keydown', onKey);

    // Swipe: a mostly horizontal move of 40 px or more between pointer down and up.
    var startX = null, startY = null;
    frame.addEventListener('pointerdown', function (e) { startX = e.clientX; startY = e.clientY; });
    frame.addEventListener('pointerup', function (e) {
      if (startX === null) { return; }
      var dx = e.clientX - startX, dy = e.clientY - startY;
      startX = null;
      if (Math.abs(dx) >= 40 && Math.abs(dx) > Math.abs(dy)) { show(dx < 0 ? index + 1 : index - 1); }
    });
    frame.addEventListener('pointercancel', function () { startX = null; });
  }

  function show(i) {
    index = (i + links.length) % links.length;
    var link = links[index];
    image.removeAttribute('srcset');
    var srcset = link.getAttribute('data-srcset');
    if (srcset) { image.setAttribute('srcset', srcset); image.setAttribute('sizes', '100vw'); }
    image.src = link.href;
    image.alt = link.getAttribute('data-alt') || '';
    var text = link.getAttribute('data-caption') || '';
    caption.textContent = text;
    caption.hidden = text === '';
    counter.textContent = 'Ảnh ' + (index + 1) + '/' + links.length;
    var single = links.length < 2;
    prevButton.hidden = single;
    nextButton.hidden = single;
  }

  function open(group, link) {
    if (!dialog) { build(); }
    links = Array.prototype.slice.call(group.querySelectorAll('a[data-lightbox]'));
    opener = link;
    show(links.indexOf(link));
    dialog.hidden = false;
    document.documentElement.classList.add('lightbox-open');
    closeButton.focus();
  }

  function close() {
    if (!dialog || dialog.hidden) { return; }
    dialog.hidden = true;
    image.removeAttribute('src');
    image.removeAttribute('srcset');
    document.documentElement.classList.remove('lightbox-open');
    if (opener) { opener.focus(); }
  }

  function focusables() {
    return Array.prototype.filter.call(dialog.querySelectorAll('button'), function (b) { return !b.hidden; });
  }

  function onKey(e) {
    switch (e.key) {
      case 'Escape': e.preventDefault(); close(); return;
      case 'ArrowRight': e.preventDefault(); show(index + 1); return;
      case 'ArrowLeft': e.preventDefault(); show(index - 1); return;
      case 'Home': e.preventDefault(); show(0); return;
      case 'End': e.preventDefault(); show(links.length - 1); return;
      case 'Tab': {
        var items = focusables();
        var first = items[0], last = items[items.length - 1];
        var at = items.indexOf(document.activeElement);
        if (e.shiftKey && (at <= 0)) { e.preventDefault(); last.focus(); }
        else if (!e.shiftKey && (at === -1 || at === items.length - 1)) { e.preventDefault(); first.focus(); }
        return;
      }
      default: return;
    }
  }

  document.addEventListener('click', function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) { return; }
    var link = e.target.closest && e.target.closest('a[data-lightbox]');
    var group = link && link.closest('[data-lightbox-group]');
    if (!group) { return; }
    e.preventDefault();
    open(group, link);
  });
}());
