// The theme's one script, for two things a static page cannot do alone.
//
// 1. The print date: printed pages end with the page's address and the day
//    they were printed (the build itself has no date, so that it stays
//    byte-identical).
(function () {
  'use strict';
  addEventListener('beforeprint', function () {
    var el = document.getElementById('ngay-in');
    if (!el) return;
    var d = new Date();
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    el.textContent = ', in ngày ' + two(d.getDate()) + '/' + two(d.getMonth() + 1) + '/' + d.getFullYear();
  });
})();

// 2. The search box in every page's header. It looks up units (by any of their
// names, aliases and codes), dispatches (by number and subject) and
// indicators in the index `congkhai build` writes under tim-kiem/chi-muc/,
// one small file per word beginning, and forgives missing diacritics
// ("khoai chau" finds Khoái Châu). Words found in a large share of the
// entries (tu-chung.json: "ubnd", "xa", the words of every dispatch's
// subject) pick no file; the longest other word does, and every word must
// still match. Addresses are relative to the page, so it works under any
// sub-path. Without JavaScript the form leads to the list of units.
(function () {
  'use strict';
  var form = document.querySelector('form.site-search');
  if (!form || !window.fetch || !String.prototype.normalize) return;
  var input = form.querySelector('input[type="search"]');
  var status = form.querySelector('.search-status');
  var list = form.querySelector('.search-results');
  var root = form.getAttribute('data-root') || '';
  var base = root + form.getAttribute('data-index');
  var SHOWN = 20;
  var cache = {};
  var timer = null;
  var seq = 0;

  // As the index is folded: lower case, no combining marks, đ as d.
  function fold(s) {
    return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
  }
  function words(s) {
    return fold(s).split(/[^a-z0-9]+/).filter(Boolean);
  }
  // As the build keys its files: three letters, or four digits of a number.
  function shardKey(w) {
    return w.length < 2 ? null : w.slice(0, /^[0-9]+$/.test(w) ? 4 : 3);
  }
  var common = null;
  function loadCommon() {
    if (!common) {
      common = fetch(base + 'tu-chung.json')
        .then(function (r) { return r.ok ? r.json() : []; })
        .catch(function () { return []; });
    }
    return common;
  }
  function load(key) {
    if (!cache[key]) {
      // Each row is [title, kind, address, other words]: the words of the
      // title and the kind are folded here, once per file.
      cache[key] = fetch(base + key + '.json')
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (rows) {
          rows.forEach(function (row) {
            row.hay = ' ' + words(row[0] + ' ' + row[1]).join(' ') + ' ' + row[3];
          });
          return rows;
        })
        .catch(function () { return []; });
    }
    return cache[key];
  }
  function clear(message) {
    list.textContent = '';
    list.hidden = true;
    status.textContent = message;
  }
  function show(hits, query) {
    list.textContent = '';
    hits.slice(0, SHOWN).forEach(function (row) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + row[2];
      a.textContent = row[0];
      var kind = document.createElement('span');
      kind.className = 'search-kind';
      kind.textContent = row[1];
      li.appendChild(a);
      li.appendChild(kind);
      list.appendChild(li);
    });
    list.hidden = hits.length === 0;
    if (hits.length === 0) status.textContent = 'Không tìm thấy kết quả nào cho “' + query + '”.';
    else if (hits.length > SHOWN) status.textContent = hits.length + ' kết quả; dưới đây là ' + SHOWN + ' kết quả đầu.';
    else status.textContent = hits.length + ' kết quả.';
  }
  function search() {
    var query = input.value.trim();
    var ws = words(query);
    var mine = ++seq;
    if (!ws.some(shardKey)) {
      clear(query ? 'Gõ ít nhất 2 chữ cái.' : '');
      return Promise.resolve(0);
    }
    return loadCommon().then(function (commonWords) {
      var picks = ws.filter(function (w) { return shardKey(w) && commonWords.indexOf(w) < 0; });
      var longest = picks.sort(function (a, b) { return b.length - a.length; })[0];
      // Only common words: no file to pick, and too many entries to list.
      if (!longest) return null;
      return load(shardKey(longest));
    }).then(function (rows) {
      if (mine !== seq) return 0;
      if (rows === null) {
        clear('“' + query + '” có trong rất nhiều mục. Hãy gõ thêm tên đơn vị, số hoặc ngày của văn bản.');
        return 0;
      }
      var hits = rows.filter(function (row) {
        return ws.every(function (w) { return row.hay.indexOf(' ' + w) >= 0; });
      });
      show(hits, query);
      return hits.length;
    });
  }
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { input.value = ''; clear(''); }
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    search().then(function (n) {
      var first = list.querySelector('a');
      if (n > 0 && first) first.focus();
    });
  });
})();
