// The album form (/quan-tri/album-anh): many photos chosen or dropped at once, each uploaded on its own with its
// progress, a refused file shown with its reason while the good ones become rows; up/down move rows in place.
// Without this script the form still works: the file input posts with the form and the move buttons save and return.
(function () {
  'use strict';
  var form = document.getElementById('form-album');
  if (!form) { return; }
  var list = document.getElementById('album-photo-rows');
  var input = document.getElementById('NewPhotos');
  var zone = form.querySelector('[data-dropzone]');
  var uploads = form.querySelector('[data-upload-list]');
  var hint = form.querySelector('[data-upload-hint]');
  var uploadUrl = form.getAttribute('data-upload-url');
  var token = form.querySelector('input[name="__RequestVerificationToken"]');

  if (hint) { hint.textContent = 'Chọn hoặc kéo thả nhiều ảnh vào đây: mỗi ảnh được tải lên ngay. Bấm “Lưu” để thêm các ảnh đã tải vào album.'; }

  function rows() { return Array.prototype.slice.call(list.querySelectorAll('[data-row]')); }

  function renumber() {
    var all = rows();
    all.forEach(function (row, i) {
      row.id = 'anh-' + i;
      row.querySelectorAll('[data-field]').forEach(function (el) {
        var field = el.getAttribute('data-field');
        if (field === 'Cover') { el.id = 'bia-' + i; return; }
        el.name = 'Photos[' + i + '].' + field;
        if (field === 'Remove') { el.id = 'bo-' + i; } else if (field === 'AltText' || field === 'Caption') { el.id = 'Photos_' + i + '__' + field; }
      });
      row.querySelectorAll('label[for]').forEach(function (label) {
        var target = label.getAttribute('for');
        label.setAttribute('for', target.replace(/\d+/, String(i)));
      });
      var number = row.querySelector('[data-number]');
      if (number) { number.textContent = 'Ảnh số ' + (i + 1); }
      var group = row.querySelector('[role="group"]');
      if (group) { group.setAttribute('aria-label', 'Đổi thứ tự ảnh số ' + (i + 1)); }
      row.querySelectorAll('[data-move]').forEach(function (button) {
        var up = button.getAttribute('data-move') === 'up';
        button.value = i + ':' + (up ? 'len' : 'xuong');
        button.disabled = up ? i === 0 : i === all.length - 1;
        var hidden = button.querySelector('.visually-hidden');
        if (hidden) { hidden.textContent = ' (ảnh số ' + (i + 1) + ')'; }
      });
    });
    var empty = form.querySelector('[data-empty]');
    if (empty) { empty.hidden = all.length > 0; }
  }

  // Move a row in place instead of saving; focus stays on the button pressed (or its twin at an end).
  list.addEventListener('click', function (event) {
    var button = event.target.closest('[data-move]');
    if (!button) { return; }
    event.preventDefault();
    var row = button.closest('[data-row]');
    var up = button.getAttribute('data-move') === 'up';
    if (up && row.previousElementSibling) { list.insertBefore(row, row.previousElementSibling); }
    if (!up && row.nextElementSibling) { list.insertBefore(row.nextElementSibling, row); }
    renumber();
    var again = button.disabled ? row.querySelector('[data-move]:not([disabled])') : button;
    if (again) { again.focus(); }
  });

  function element(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text) { el.textContent = text; }
    return el;
  }

  function addRow(photo) {
    var i = rows().length;
    var li = element('li', { 'class': 'album-photo-row card mb-2', 'data-row': '', id: 'anh-' + i });
    var body = element('div', { 'class': 'card-body d-flex flex-wrap gap-3 align-items-start' });
    body.appendChild(element('input', { type: 'hidden', 'data-field': 'Id', value: '0' }));
    body.appendChild(element('input', { type: 'hidden', 'data-field': 'MediaId', value: String(photo.mediaId) }));
    var thumb = element('div', { 'class': 'album-photo-thumb' });
    thumb.appendChild(element('img', { src: photo.thumbnail, alt: '', 'class': 'img-thumbnail', width: '160' }));
    thumb.appendChild(element('span', { 'class': 'd-block small text-muted', 'data-number': '' }));
    body.appendChild(thumb);
    var fields = element('div', { 'class': 'flex-grow-1' });
    [['AltText', 'Mô tả ảnh (alt) — bắt buộc để xuất bản', '300'], ['Caption', 'Chú thích', '500']].forEach(function (f) {
      var wrap = element('div', { 'class': 'mb-2' });
      wrap.appendChild(element('label', { 'class': 'form-label', 'for': 'Photos_' + i + '__' + f[0] }, f[1]));
      wrap.appendChild(element('input', { 'class': 'form-control', 'data-field': f[0], maxlength: f[2], value: '' }));
      fields.appendChild(wrap);
    });
    var controls = element('div', { 'class': 'd-flex flex-wrap gap-3 align-items-center' });
    var cover = element('div', { 'class': 'form-check' });
    cover.appendChild(element('input', { 'class': 'form-check-input', type: 'radio', name: 'CoverMediaId', value: String(photo.mediaId), 'data-field': 'Cover' }));
    cover.appendChild(element('label', { 'class': 'form-check-label', 'for': 'bia-' + i }, 'Ảnh bìa'));
    controls.appendChild(cover);
    var remove = element('div', { 'class': 'form-check' });
    remove.appendChild(element('input', { 'class': 'form-check-input', type: 'checkbox', value: 'true', 'data-field': 'Remove' }));
    remove.appendChild(element('label', { 'class': 'form-check-label', 'for': 'bo-' + i }, 'Bỏ khỏi album'));
    controls.appendChild(remove);
    var group = element('div', { 'class': 'btn-group btn-group-sm', role: 'group' });
    [['up', 'Lên'], ['down', 'Xuống']].forEach(function (m) {
      var b = element('button', { 'class': 'btn btn-outline-secondary', type: 'submit', name: 'di-chuyen', 'data-move': m[0] }, m[1]);
      b.appendChild(element('span', { 'class': 'visually-hidden' }));
      group.appendChild(b);
    });
    controls.appendChild(group);
    fields.appendChild(controls);
    body.appendChild(fields);
    li.appendChild(body);
    list.appendChild(li);
    renumber();
  }

  function upload(file) {
    var item = element('li', { 'class': 'album-upload d-flex flex-wrap align-items-center gap-2 mb-1' });
    item.appendChild(element('span', { 'class': 'album-upload-name' }, file.name));
    var progress = element('progress', { max: '100', value: '0', 'aria-label': 'Tiến độ tải lên ' + file.name });
    item.appendChild(progress);
    var status = element('span', { 'class': 'album-upload-status small' }, 'Đang tải lên…');
    item.appendChild(status);
    uploads.appendChild(item);

    var data = new FormData();
    data.append('file', file);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', uploadUrl);
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) { xhr.setRequestHeader('RequestVerificationToken', token.value); }
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) { progress.value = Math.round(e.loaded * 100 / e.total); }
    });
    xhr.addEventListener('load', function () {
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (xhr.status === 200 && body && body.mediaId) {
        progress.value = 100;
        status.textContent = 'Đã tải lên — nhập mô tả ảnh rồi bấm “Lưu”.';
        item.classList.add('text-success');
        addRow(body);
      } else {
        progress.remove();
        status.textContent = 'Bị từ chối: ' + ((body && body.error) || (xhr.status === 429 ? 'tải lên quá nhiều ảnh trong một phút, hãy thử lại sau.' : 'không tải lên được tệp này.'));
        item.classList.add('text-danger');
        item.setAttribute('data-refused', '');
      }
    });
    xhr.addEventListener('error', function () {
      progress.remove();
      status.textContent = 'Bị từ chối: mất kết nối khi tải lên.';
      item.classList.add('text-danger');
      item.setAttribute('data-refused', '');
    });
    xhr.send(data);
  }

  function uploadAll(files) {
    Array.prototype.forEach.call(files, upload);
  }

  if (input && uploadUrl) {
    input.addEventListener('change', function () {
      uploadAll(input.files);
      input.value = '';
    });
  }

  if (zone && uploadUrl) {
    ['dragenter', 'dragover'].forEach(function (name) {
      zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add('is-dragging'); });
    });
    ['dragleave', 'drop'].forEach(function (name) {
      zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.remove('is-dragging'); });
    });
    zone.addEventListener('drop', function (e) {
      if (e.dataTransfer && e.dataTransfer.files) { uploadAll(e.dataTransfer.files); }
    });
  }
}());
