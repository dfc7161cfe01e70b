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

  // Images are uploaded to the library (checked and re-encoded on the server), never pasted as data: URLs.
  function uploadImage() {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/jpeg,image/png,image/gif,image/webp';
    input.addEventListener('change', function () {
      if (!input.files || !input.files[0]) { return; }
      var data = new FormData();
      data.append('file', input.files[0]);
      fetch('/quan-tri/thu-vien-anh/tai-len', {
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

  textarea.form.addEventListener('submit', function () {
    // Quill 2's semantic HTML writes every space as &nbsp;, which would stop lines from wrapping.
    textarea.value = quill.getLength() > 1 ? quill.getSemanticHTML().replace(/&nbsp;/g, ' ') : '';
  });
})();
