// Admin area behaviour: the rich-text editor and confirmations. No inline scripts.
(function () {
  'use strict';

  // Confirm destructive actions.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // Progressive enhancement: the body is a plain textarea until Quill (BSD licence) takes over.
  var textarea = document.querySelector('textarea[data-rich-text]');
  if (!textarea || typeof window.Quill === 'undefined') {
    return;
  }

  var holder = document.createElement('div');
  holder.className = 'rich-text-editor';
  textarea.parentNode.insertBefore(holder, textarea);
  textarea.hidden = true;

  var token = textarea.form.querySelector('input[name="__RequestVerificationToken"]');
  // The upload address comes from the page (AdminUrls on the server), never spelled here.
  var uploadUrl = textarea.getAttribute('data-rich-text');

  // Images are uploaded to the library (checked and re-encoded on the server), never pasted as data: URLs.
  function uploadImage() {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/jpeg,image/png,image/gif,image/webp';
    input.addEventListener('change', function () {
      if (!input.files || !input.files[0]) { return; }
      var data = new FormData();
      data.append('file', input.files[0]);
      fetch(uploadUrl, {
        method: 'POST',
        body: data,
        headers: token ? { 'RequestVerificationToken': token.value } : {},
        credentials: 'same-origin'
      }).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (result) {
        if (!result.ok) { window.alert(result.body.error || 'Không tải được ảnh.'); return; }
        var range = quill.getSelection(true);
        quill.insertEmbed(range ? range.index : quill.getLength(), 'image', result.body.url, 'user');
      }).catch(function () { window.alert('Không tải được ảnh. Vui lòng thử lại.'); });
    });
    input.click();
  }

  var quill = new window.Quill(holder, {
    theme: 'snow',
    modules: {
      toolbar: {
        container: [
          [{ header: [2, 3, 4, false] }],
          ['bold', 'italic', 'underline', 'strike'],
          [{ list: 'ordered' }, { list: 'bullet' }],
          ['blockquote', 'link', 'image'],
          ['clean']
        ],
        handlers: { image: uploadImage }
      }
    }
  });
  quill.clipboard.dangerouslyPasteHTML(textarea.value);
  var editable = holder.querySelector('.ql-editor');
  editable.setAttribute('aria-labelledby', 'nhan-noi-dung');
  editable.setAttribute('role', 'textbox');
  editable.setAttribute('aria-multiline', 'true');
  // Quill's heading picker is a role=button span without a name: say what it chooses.
  var headerPicker = quill.getModule('toolbar').container.querySelector('.ql-header .ql-picker-label');
  if (headerPicker) {
    headerPicker.setAttribute('aria-label', 'Kiểu đoạn văn (tiêu đề mục)');
  }

  textarea.form.addEventListener('submit', function () {
    // Quill 2's semantic HTML writes every space as &nbsp;, which would stop lines from wrapping.
    textarea.value = quill.getLength() > 1 ? quill.getSemanticHTML().replace(/&nbsp;/g, ' ') : '';
  });
})();

// Background jobs: the progress page polls its status until the job ends (without JavaScript, a link reloads it).
(function () {
  'use strict';
  var job = document.querySelector('[data-job-status]');
  if (!job || job.getAttribute('data-finished') === 'true' || typeof window.fetch !== 'function') {
    return;
  }

  var bar = job.querySelector('progress');
  var label = job.querySelector('.job-label');
  var result = job.querySelector('.job-result');
  var refresh = job.querySelector('.job-refresh');
  if (refresh) { refresh.hidden = true; }

  function show(status) {
    bar.value = status.percent;
    bar.textContent = status.percent + '%';
    label.textContent = status.label;
    if (!status.finished) { return false; }
    result.textContent = '';
    if (status.message) {
      var p = document.createElement('p');
      p.className = 'alert ' + (status.state === 'Succeeded' ? 'alert-success' : 'alert-danger');
      p.setAttribute('role', 'status');
      p.textContent = status.message;
      result.appendChild(p);
    }
    if (status.details && status.details.length) {
      var list = document.createElement('ul');
      list.className = 'job-details';
      status.details.forEach(function (line) {
        var item = document.createElement('li');
        item.textContent = line;
        list.appendChild(item);
      });
      result.appendChild(list);
    }
    return true;
  }

  function poll() {
    fetch(job.getAttribute('data-job-status'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (status && show(status)) { return; }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { if (refresh) { refresh.hidden = false; } });
  }

  window.setTimeout(poll, 500);
}());
