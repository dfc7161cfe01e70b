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

  var quill = new window.Quill(holder, {
    theme: 'snow',
    modules: {
      toolbar: [
        [{ header: [2, 3, 4, false] }],
        ['bold', 'italic', 'underline', 'strike'],
        [{ list: 'ordered' }, { list: 'bullet' }],
        ['blockquote', 'link', 'image'],
        ['clean']
      ]
    }
  });
  quill.clipboard.dangerouslyPasteHTML(textarea.value);
  var editable = holder.querySelector('.ql-editor');
  editable.setAttribute('aria-labelledby', 'nhan-noi-dung');
  editable.setAttribute('role', 'textbox');
  editable.setAttribute('aria-multiline', 'true');

  textarea.form.addEventListener('submit', function () {
    textarea.value = quill.getLength() > 1 ? quill.getSemanticHTML() : '';
  });
})();
