// Reading tools: text size (A−, A, A+) and high contrast, remembered in localStorage; the copy-link button of the
// share links. Loaded in <head> so the remembered choice applies before the page paints. No third-party code.
(function () {
  'use strict';
  var root = document.documentElement;
  var SIZE_KEY = 'doj-text-size';
  var CONTRAST_KEY = 'doj-high-contrast';
  var MIN = -1;
  var MAX = 3;
  var PERCENT = { '-1': 90, '0': 100, '1': 112, '2': 125, '3': 150 };

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function write(key, value) {
    try {
      if (value === null) { window.localStorage.removeItem(key); } else { window.localStorage.setItem(key, value); }
    } catch (e) { /* private mode: the choice lasts for this page only */ }
  }

  function currentSize() {
    var size = parseInt(read(SIZE_KEY) || '0', 10);
    return isNaN(size) ? 0 : Math.min(MAX, Math.max(MIN, size));
  }

  function applySize(size) {
    for (var s = MIN; s <= MAX; s++) {
      root.classList.remove('text-size-' + String(s).replace('-', 'm'));
    }
    if (size !== 0) {
      root.classList.add('text-size-' + String(size).replace('-', 'm'));
    }
  }

  function applyContrast(on) {
    root.classList.toggle('high-contrast', on);
  }

  applySize(currentSize());
  applyContrast(read(CONTRAST_KEY) === '1');

  function announce(text) {
    var status = document.querySelector('[data-reading-status]');
    if (status) {
      status.textContent = '';
      window.setTimeout(function () { status.textContent = text; }, 50);
    }
  }

  function refreshButtons() {
    var size = currentSize();
    document.querySelectorAll('[data-text-size]').forEach(function (button) {
      var step = parseInt(button.getAttribute('data-text-size'), 10);
      button.disabled = (step < 0 && size <= MIN) || (step > 0 && size >= MAX);
      if (step === 0) {
        button.setAttribute('aria-pressed', size === 0 ? 'true' : 'false');
      }
    });
    var contrast = document.querySelector('[data-contrast]');
    if (contrast) {
      contrast.setAttribute('aria-pressed', root.classList.contains('high-contrast') ? 'true' : 'false');
    }
  }

  function copyLink(button) {
    var url = button.getAttribute('data-copy-link');
    var box = button.parentNode.querySelector('[data-copy-status]');
    var say = function (text) { if (box) { box.textContent = text; } };
    var fallback = function () {
      var field = button.parentNode.querySelector('[data-copy-field]');
      if (field) {
        field.hidden = false;
        field.focus();
        field.select();
      }
      say('Không sao chép tự động được. Địa chỉ đã được chọn, hãy nhấn Ctrl+C (hoặc giữ để sao chép trên điện thoại).');
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () { say('Đã sao chép liên kết.'); }, fallback);
    } else {
      fallback();
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-reading-tools], [data-copy-link]').forEach(function (element) {
      element.hidden = false;
    });
    refreshButtons();
    document.addEventListener('click', function (event) {
      var sizeButton = event.target.closest('[data-text-size]');
      if (sizeButton) {
        var step = parseInt(sizeButton.getAttribute('data-text-size'), 10);
        var size = step === 0 ? 0 : Math.min(MAX, Math.max(MIN, currentSize() + step));
        write(SIZE_KEY, size === 0 ? null : String(size));
        applySize(size);
        refreshButtons();
        announce('Cỡ chữ: ' + PERCENT[String(size)] + '%');
        return;
      }
      var contrastButton = event.target.closest('[data-contrast]');
      if (contrastButton) {
        var on = !root.classList.contains('high-contrast');
        write(CONTRAST_KEY, on ? '1' : null);
        applyContrast(on);
        refreshButtons();
        announce(on ? 'Đã bật chế độ tương phản cao' : 'Đã tắt chế độ tương phản cao');
        return;
      }
      var copyButton = event.target.closest('[data-copy-link]');
      if (copyButton) {
        copyLink(copyButton);
      }
    });
  });
}());
