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

  // The image library dialog (Areas/Admin/Views/Articles/_ImageLibraryDialog.cshtml): search, pages, pick or upload,
  // and alt text before anything is chosen. Both the lead image and the editor's image button use it.
  var library = (function () {
    var dialog = document.getElementById('thu-vien-anh');
    if (!dialog || typeof dialog.showModal !== 'function' || typeof window.fetch !== 'function') {
      return null;
    }

    var grid = dialog.querySelector('[data-library-grid]');
    var status = dialog.querySelector('[data-library-status]');
    var pageLabel = dialog.querySelector('[data-library-page]');
    var previous = dialog.querySelector('[data-library-previous]');
    var next = dialog.querySelector('[data-library-next]');
    var search = document.getElementById('thu-vien-anh-tim');
    var file = document.getElementById('thu-vien-anh-tep');
    var alt = document.getElementById('thu-vien-anh-mo-ta');
    var error = dialog.querySelector('[data-library-error]');
    var confirm = dialog.querySelector('[data-library-confirm]');
    var tokenField = document.querySelector('input[name="__RequestVerificationToken"]');
    var state = { page: 1, pages: 1, selected: null, done: null };

    function load(page) {
      status.textContent = 'Đang tải…';
      var url = dialog.getAttribute('data-library') + '?q=' + encodeURIComponent(search.value.trim()) + '&trang=' + page;
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) { if (!response.ok) { throw new Error(); } return response.json(); })
        .then(function (result) {
          state.page = result.page;
          state.pages = result.pages;
          grid.textContent = '';
          result.items.forEach(function (item) {
            var li = document.createElement('li');
            var button = document.createElement('button');
            button.type = 'button';
            button.setAttribute('aria-pressed', state.selected && state.selected.id === item.id ? 'true' : 'false');
            var img = document.createElement('img');
            img.src = item.thumbnail;
            img.alt = '';
            img.loading = 'lazy';
            var name = document.createElement('span');
            name.textContent = item.alt || item.name;
            button.setAttribute('aria-label', 'Chọn ảnh ' + (item.alt || item.name));
            button.appendChild(img);
            button.appendChild(name);
            button.addEventListener('click', function () {
              state.selected = item;
              grid.querySelectorAll('button').forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
              button.setAttribute('aria-pressed', 'true');
              if (!alt.value.trim() && item.alt) { alt.value = item.alt; }
              error.textContent = '';
            });
            li.appendChild(button);
            grid.appendChild(li);
          });
          status.textContent = result.total === 0 ? 'Không có ảnh nào phù hợp.' : 'Có ' + result.total + ' ảnh.';
          pageLabel.textContent = 'Trang ' + state.page + '/' + state.pages;
          previous.disabled = state.page <= 1;
          next.disabled = state.page >= state.pages;
        })
        .catch(function () { status.textContent = 'Không tải được thư viện ảnh. Vui lòng thử lại.'; });
    }

    function upload(chosen, text) {
      var data = new FormData();
      data.append('file', chosen);
      data.append('mo-ta', text);
      return fetch(dialog.getAttribute('data-upload'), {
        method: 'POST',
        body: data,
        headers: tokenField ? { 'RequestVerificationToken': tokenField.value } : {},
        credentials: 'same-origin'
      }).then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) { throw new Error(body.error || 'Không tải được ảnh.'); }
          return body;
        });
      });
    }

    function finish(item, text) {
      var done = state.done;
      state.done = null;
      dialog.close();
      if (done) { done(item, text); }
    }

    confirm.addEventListener('click', function () {
      var text = alt.value.trim();
      var chosen = file.files && file.files[0];
      if (!chosen && !state.selected) {
        error.textContent = 'Vui lòng chọn một ảnh trong thư viện hoặc tải ảnh mới lên.';
        return;
      }
      if (!text) {
        error.textContent = 'Vui lòng nhập mô tả ảnh (văn bản thay thế cho người không xem được ảnh).';
        alt.focus();
        return;
      }
      if (!chosen) { finish(state.selected, text); return; }
      confirm.disabled = true;
      error.textContent = '';
      upload(chosen, text)
        .then(function (item) { finish(item, text); })
        .catch(function (e) { error.textContent = e.message || 'Không tải được ảnh. Vui lòng thử lại.'; })
        .then(function () { confirm.disabled = false; });
    });
    dialog.querySelector('[data-library-cancel]').addEventListener('click', function () { state.done = null; dialog.close(); });
    dialog.querySelector('[data-library-search]').addEventListener('click', function () { load(1); });
    search.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); load(1); }
    });
    previous.addEventListener('click', function () { if (state.page > 1) { load(state.page - 1); } });
    next.addEventListener('click', function () { if (state.page < state.pages) { load(state.page + 1); } });

    return {
      // Opens the dialog; done(item, altText) is called once an image is chosen (or uploaded) with its alt text.
      open: function (confirmLabel, currentAlt, done) {
        state.selected = null;
        state.done = done;
        file.value = '';
        alt.value = currentAlt || '';
        error.textContent = '';
        confirm.textContent = confirmLabel;
        dialog.showModal();
        load(1);
        search.focus();
      }
    };
  }());

  // The lead image: "Chọn từ thư viện…" fills the image number (the field that works without JavaScript) and the alt text.
  (function () {
    var fieldset = document.querySelector('[data-lead-image]');
    if (!fieldset || !library) { return; }
    var id = document.getElementById('LeadImageId');
    var leadAlt = document.getElementById('LeadImageAlt');
    var preview = fieldset.querySelector('[data-lead-image-preview]');
    var buttons = document.createElement('div');
    buttons.className = 'd-flex gap-2 mb-2';
    var pick = document.createElement('button');
    pick.type = 'button';
    pick.className = 'btn btn-sm btn-outline-primary';
    pick.textContent = 'Chọn từ thư viện…';
    var clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'btn btn-sm btn-outline-secondary';
    clear.textContent = 'Bỏ ảnh đại diện';
    buttons.appendChild(pick);
    buttons.appendChild(clear);
    preview.after(buttons);

    pick.addEventListener('click', function () {
      library.open('Chọn làm ảnh đại diện', leadAlt.value, function (item, text) {
        id.value = item.id;
        leadAlt.value = text;
        preview.textContent = '';
        var img = document.createElement('img');
        img.src = item.thumbnail;
        img.alt = '';
        img.width = 160;
        var name = document.createElement('span');
        name.className = 'small text-muted d-block';
        name.textContent = item.name;
        preview.appendChild(img);
        preview.appendChild(name);
      });
    });
    clear.addEventListener('click', function () {
      id.value = '';
      preview.textContent = '';
    });
  }());

  // Progressive enhancement: the body is a plain textarea until Quill (BSD licence) takes over.
  var textarea = document.querySelector('textarea[data-rich-text]');
  if (!textarea || typeof window.Quill === 'undefined') {
    return;
  }

  var Quill = window.Quill;
  var Delta = Quill.import('delta');

  // Images keep the responsive attributes the library gives them (Quill's own image keeps alt, width and height only).
  var BaseImage = Quill.import('formats/image');
  var IMAGE_ATTRIBUTES = ['alt', 'width', 'height', 'srcset', 'sizes', 'loading', 'decoding'];
  class ResponsiveImage extends BaseImage {
    static formats(node) {
      return IMAGE_ATTRIBUTES.reduce(function (formats, name) {
        if (node.hasAttribute(name)) { formats[name] = node.getAttribute(name); }
        return formats;
      }, {});
    }

    format(name, value) {
      if (IMAGE_ATTRIBUTES.indexOf(name) > -1) {
        if (value) { this.domNode.setAttribute(name, value); } else { this.domNode.removeAttribute(name); }
      } else {
        super.format(name, value);
      }
    }
  }
  Quill.register(ResponsiveImage, true);

  // Tables are kept whole: Quill's table module knows neither th nor thead, so a table is one block Quill does not
  // rewrite, shown read-only, and edited in the HTML view. Its markup is rebuilt from an allow-list (the server
  // sanitizes again on save), so a pasted table cannot bring event handlers into this page.
  var TABLE_TAGS = ['TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TH', 'TD', 'P', 'BR', 'STRONG', 'B', 'EM', 'I', 'U', 'S', 'SUB', 'SUP', 'A', 'UL', 'OL', 'LI', 'SPAN'];
  var TABLE_ATTRIBUTES = { TH: ['colspan', 'rowspan', 'scope'], TD: ['colspan', 'rowspan'], A: ['href'] };
  function cleanTable(source) {
    function copy(node) {
      if (node.nodeType === 3) { return document.createTextNode(node.nodeValue); }
      if (node.nodeType !== 1 || TABLE_TAGS.indexOf(node.tagName) < 0) { return null; }
      var element = document.createElement(node.tagName.toLowerCase());
      (TABLE_ATTRIBUTES[node.tagName] || []).forEach(function (name) {
        var value = node.getAttribute(name);
        if (value === null) { return; }
        if (name === 'href' && !/^(https?:|mailto:|\/(?!\/))/i.test(value.trim())) { return; }
        element.setAttribute(name, value);
      });
      Array.prototype.forEach.call(node.childNodes, function (child) {
        var copied = copy(child);
        if (copied) { element.appendChild(copied); }
      });
      return element;
    }
    return copy(source);
  }

  function parseTable(html) {
    // An inert document: nothing in it loads or runs.
    var inert = document.implementation.createHTMLDocument('');
    inert.body.innerHTML = html;
    var table = inert.body.querySelector('table');
    return table ? cleanTable(table) : null;
  }

  var BlockEmbed = Quill.import('blots/block/embed');
  class TableHtml extends BlockEmbed {
    static create(value) {
      var node = super.create();
      node.setAttribute('contenteditable', 'false');
      var table = parseTable(value);
      if (table) { node.appendChild(table); }
      return node;
    }

    static value(node) {
      var table = node.querySelector('table');
      return table ? table.outerHTML : '';
    }

    html() {
      return TableHtml.value(this.domNode);
    }
  }
  TableHtml.blotName = 'table-html';
  TableHtml.tagName = 'DIV';
  TableHtml.className = 'ql-table-html';
  Quill.register(TableHtml, true);

  var holder = document.createElement('div');
  holder.className = 'rich-text-editor';
  textarea.parentNode.insertBefore(holder, textarea);
  textarea.hidden = true;

  var token = textarea.form.querySelector('input[name="__RequestVerificationToken"]');
  // The upload address comes from the page (AdminUrls on the server), never spelled here.
  var uploadUrl = textarea.getAttribute('data-rich-text');

  // Without the dialog (an old browser): upload a file straight to the library, asking for its alt text first.
  function uploadImage() {
    var text = window.prompt('Mô tả ảnh (bắt buộc, cho người không xem được ảnh):', '');
    if (text === null) { return; }
    if (!text.trim()) { window.alert('Vui lòng nhập mô tả ảnh.'); return; }
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/jpeg,image/png,image/gif,image/webp';
    input.addEventListener('change', function () {
      if (!input.files || !input.files[0]) { return; }
      var data = new FormData();
      data.append('file', input.files[0]);
      data.append('mo-ta', text.trim());
      fetch(uploadUrl, {
        method: 'POST',
        body: data,
        headers: token ? { 'RequestVerificationToken': token.value } : {},
        credentials: 'same-origin'
      }).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (result) {
        if (!result.ok) { window.alert(result.body.error || 'Không tải được ảnh.'); return; }
        insertImage(result.body, text.trim());
      }).catch(function () { window.alert('Không tải được ảnh. Vui lòng thử lại.'); });
    });
    input.click();
  }

  function insertImage(item, text) {
    var range = quill.getSelection(true);
    var index = range ? range.index : quill.getLength();
    var attributes = { alt: text, width: String(item.width), height: String(item.height), loading: 'lazy', decoding: 'async' };
    if (item.srcset) {
      attributes.srcset = item.srcset;
      attributes.sizes = item.sizes;
    }
    quill.updateContents(new Delta().retain(index).insert({ image: item.src || item.url }, attributes), 'user');
    quill.setSelection(index + 1, 0, 'silent');
  }

  function chooseImage() {
    if (!library) { uploadImage(); return; }
    library.open('Chèn ảnh', '', insertImage);
  }

  // The HTML view: the body as markup in the textarea (tables are edited there); back to the rich view on a second click.
  var sourceView = false;
  function toggleSource() {
    var button = quill.getModule('toolbar').container.querySelector('.ql-source');
    if (!sourceView) {
      textarea.value = bodyHtml();
      textarea.hidden = false;
      holder.hidden = true;
      textarea.focus();
    } else {
      quill.setContents([]);
      quill.clipboard.dangerouslyPasteHTML(textarea.value);
      textarea.hidden = true;
      holder.hidden = false;
    }
    sourceView = !sourceView;
    button.setAttribute('aria-pressed', sourceView ? 'true' : 'false');
    // Every other tool works on the rich view only.
    quill.getModule('toolbar').container.querySelectorAll('button:not(.ql-source), .ql-picker').forEach(function (tool) {
      tool.classList.toggle('ql-disabled', sourceView);
      if (tool.tagName === 'BUTTON') { tool.disabled = sourceView; }
    });
  }

  var quill = new Quill(holder, {
    theme: 'snow',
    modules: {
      toolbar: {
        container: [
          [{ header: [2, 3, 4, false] }],
          ['bold', 'italic', 'underline', 'strike'],
          [{ list: 'ordered' }, { list: 'bullet' }],
          ['blockquote', 'link', 'image'],
          ['clean'],
          ['source']
        ],
        handlers: { image: chooseImage, source: toggleSource }
      }
    }
  });
  quill.clipboard.addMatcher('TABLE', function (node) {
    return new Delta().insert({ 'table-html': node.outerHTML });
  });
  quill.clipboard.dangerouslyPasteHTML(textarea.value);

  var editable = holder.querySelector('.ql-editor');
  // The editable area is named by its textarea's own label (the article body, an answer, a summary…).
  var label = textarea.id ? document.querySelector('label[for="' + textarea.id + '"]') : null;
  if (label && !label.id) { label.id = 'nhan-' + textarea.id; }
  editable.setAttribute('aria-labelledby', label ? label.id : 'nhan-noi-dung');
  editable.setAttribute('role', 'textbox');
  editable.setAttribute('aria-multiline', 'true');

  // The toolbar in Vietnamese: Quill names its buttons after their formats ("bold", "list: ordered").
  var toolbar = quill.getModule('toolbar').container;
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Định dạng nội dung');
  var names = {
    'ql-bold': 'In đậm',
    'ql-italic': 'In nghiêng',
    'ql-underline': 'Gạch chân',
    'ql-strike': 'Gạch ngang',
    'ql-list[value="ordered"]': 'Danh sách đánh số',
    'ql-list[value="bullet"]': 'Danh sách gạch đầu dòng',
    'ql-blockquote': 'Trích dẫn',
    'ql-link': 'Chèn liên kết',
    'ql-image': 'Chèn ảnh từ thư viện',
    'ql-clean': 'Xóa định dạng',
    'ql-source': 'Sửa dạng HTML (bảng biểu)'
  };
  Object.keys(names).forEach(function (selector) {
    var parts = selector.split('[');
    toolbar.querySelectorAll('button.' + parts[0] + (parts[1] ? '[' + parts[1] : '')).forEach(function (button) {
      button.setAttribute('aria-label', names[selector]);
      button.setAttribute('title', names[selector]);
    });
  });
  var source = toolbar.querySelector('button.ql-source');
  if (source) { source.textContent = 'HTML'; source.setAttribute('aria-pressed', 'false'); }
  var headerLabels = { '': 'Đoạn văn', '1': 'Tiêu đề 1', '2': 'Tiêu đề 2', '3': 'Tiêu đề 3', '4': 'Tiêu đề 4' };
  var headerPicker = toolbar.querySelector('.ql-header .ql-picker-label');
  if (headerPicker) {
    headerPicker.setAttribute('aria-label', 'Kiểu đoạn văn (tiêu đề mục)');
    headerPicker.setAttribute('title', 'Kiểu đoạn văn (tiêu đề mục)');
  }
  toolbar.querySelectorAll('.ql-header .ql-picker-item').forEach(function (item) {
    item.setAttribute('aria-label', headerLabels[item.getAttribute('data-value') || ''] || 'Tiêu đề');
  });

  // The link tooltip: its texts are CSS (editor.css); its field and buttons get names a screen reader can say.
  var tooltip = holder.querySelector('.ql-tooltip');
  if (tooltip) {
    var field = tooltip.querySelector('input[type=text]');
    if (field) {
      field.setAttribute('data-link', 'https://vi-du.gov.vn');
      field.setAttribute('aria-label', 'Địa chỉ liên kết');
    }
    var preview = tooltip.querySelector('a.ql-preview');
    if (preview) { preview.setAttribute('aria-label', 'Mở liên kết'); }
    var action = tooltip.querySelector('a.ql-action');
    if (action) { action.setAttribute('role', 'button'); action.setAttribute('tabindex', '0'); action.setAttribute('aria-label', 'Sửa hoặc lưu liên kết'); }
    var remove = tooltip.querySelector('a.ql-remove');
    if (remove) { remove.setAttribute('role', 'button'); remove.setAttribute('tabindex', '0'); remove.setAttribute('aria-label', 'Gỡ liên kết'); }
  }

  function bodyHtml() {
    // Quill 2's semantic HTML writes every space as &nbsp;, which would stop lines from wrapping.
    return quill.getLength() > 1 || holder.querySelector('.ql-table-html') ? quill.getSemanticHTML().replace(/&nbsp;/g, ' ') : '';
  }

  textarea.form.addEventListener('submit', function () {
    // In the HTML view the textarea already holds what the editor wrote.
    if (!sourceView) { textarea.value = bodyHtml(); }
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
