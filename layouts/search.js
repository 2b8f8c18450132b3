/* gongshi search client: plain JavaScript, no dependencies, no external requests.
 * It mirrors Sources/SearchIndex (SearchTokenizer, SearchShards, SearchEngine): it fetches the
 * manifest, then only the shard files of the query's terms and the chunks of the results shown. */
(function () {
  'use strict';

  var KIND_LABELS = { 'case': '失信案例', report: '核查报告', record: '信用记录', list: '名单信息', commitment: '信用承诺' };
  var LIST_LABELS = { red: '守信红名单', black: '严重失信主体名单', watch: '重点关注名单' };
  var PAGE_SIZE = 10;
  var WORD_KEY_LENGTH = 4;
  var ROOT = '../';

  var cache = {};
  function fetchJSON(path) {
    if (!cache[path]) {
      cache[path] = fetch(path).then(function (response) {
        return response.ok ? response.json() : {};
      }).catch(function () { return {}; });
    }
    return cache[path];
  }

  function normalize(text) { return text.normalize('NFKC').toLowerCase(); }
  function isHan(cp) {
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
  }
  function isWord(cp) { return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7A); }

  function runs(text) {
    var han = [], words = [], currentHan = [], currentWord = '';
    function flushHan() { if (currentHan.length) { han.push(currentHan); currentHan = []; } }
    function flushWord() { if (currentWord) { words.push(currentWord); currentWord = ''; } }
    for (var ch of normalize(text)) {
      var cp = ch.codePointAt(0);
      if (isHan(cp)) { flushWord(); currentHan.push(ch); }
      else if (isWord(cp)) { flushHan(); currentWord += ch; }
      else { flushHan(); flushWord(); }
    }
    flushHan(); flushWord();
    return { han: han, words: words };
  }

  function queryTerms(query) {
    var parts = runs(query), terms = [], seen = {};
    function add(term) { var key = term.type + ':' + term.text; if (!seen[key]) { seen[key] = true; terms.push(term); } }
    parts.han.forEach(function (run) {
      if (run.length === 1) { add({ type: 'han', text: run[0] }); return; }
      /* Every other pair and the last one: they cover every character, so recall is complete. */
      var starts = [];
      for (var i = 0; i + 1 < run.length; i += 2) { starts.push(i); }
      if (starts[starts.length - 1] !== run.length - 2) { starts.push(run.length - 2); }
      starts.forEach(function (start) { add({ type: 'han', text: run[start] + run[start + 1] }); });
    });
    parts.words.forEach(function (word) { add({ type: 'word', text: word, prefix: word.length >= WORD_KEY_LENGTH }); });
    return terms;
  }

  var encoder = new TextEncoder();
  function fnv1a(text) {
    var hash = 0x811c9dc5;
    encoder.encode(text).forEach(function (byte) { hash = Math.imul(hash ^ byte, 0x01000193) >>> 0; });
    return hash >>> 0;
  }
  function shardFile(term, shards) {
    if (term.type === 'han') { return 'h/' + (fnv1a(term.text) % shards) + '.json'; }
    return 'w/' + Array.from(encoder.encode(term.text).slice(0, WORD_KEY_LENGTH)).map(function (b) { return b.toString(16); }).join('') + '.json';
  }

  function decode(gaps) {
    var ids = [], current = 0;
    for (var i = 0; i < gaps.length; i++) { current = i === 0 ? gaps[0] : current + gaps[i]; ids.push(current); }
    return ids;
  }

  function postings(term, shards) {
    return fetchJSON(shardFile(term, shards)).then(function (shard) {
      var all = new Set(), title = new Set();
      function addLists(lists) { decode(lists[0]).forEach(function (id) { all.add(id); }); decode(lists[1]).forEach(function (id) { title.add(id); }); }
      if (term.type === 'word' && term.prefix) {
        Object.keys(shard).forEach(function (key) { if (key.indexOf(term.text) === 0) { addLists(shard[key]); } });
      } else if (shard[term.text]) {
        addLists(shard[term.text]);
      }
      return { all: all, title: title };
    });
  }

  function intersect(a, b) { var out = new Set(); a.forEach(function (id) { if (b.has(id)) { out.add(id); } }); return out; }

  function search(query, filters, manifest) {
    var shards = manifest.hanShards, terms = queryTerms(query);
    var filterTerms = [];
    if (filters.kind) { filterTerms.push({ type: 'han', text: '#k:' + filters.kind }); }
    if (filters.region) { filterTerms.push({ type: 'han', text: '#r:' + filters.region }); }
    if (filters.year) { filterTerms.push({ type: 'han', text: '#y:' + filters.year }); }
    if (filters.list) { filterTerms.push({ type: 'han', text: '#l:' + filters.list }); }
    if (!terms.length && !filterTerms.length) { return Promise.resolve([]); }
    return Promise.all(terms.concat(filterTerms).map(function (term) { return postings(term, shards); })).then(function (lists) {
      var candidates = null, titles = null;
      lists.forEach(function (list, index) {
        candidates = candidates ? intersect(candidates, list.all) : list.all;
        if (index < terms.length) { titles = titles ? intersect(titles, list.title) : list.title; }
      });
      titles = titles || new Set();
      return Array.from(candidates).sort(function (a, b) {
        var ta = titles.has(a) ? 0 : 1, tb = titles.has(b) ? 0 : 1;
        return ta !== tb ? ta - tb : a - b;
      });
    });
  }

  /* Appends `text` to `parent`, wrapping every occurrence of a query part in <mark>. */
  function appendHighlighted(parent, text, query) {
    var parts = runs(query), needles = [];
    parts.han.forEach(function (run) { needles.push(run.join('')); });
    parts.words.forEach(function (word) { needles.push(word); });
    var folded = normalize(text);
    if (!needles.length || folded.length !== text.length) { parent.appendChild(document.createTextNode(text)); return; }
    var position = 0;
    while (position < text.length) {
      var best = -1, bestLength = 0;
      needles.forEach(function (needle) {
        var at = folded.indexOf(needle, position);
        if (at !== -1 && (best === -1 || at < best || (at === best && needle.length > bestLength))) { best = at; bestLength = needle.length; }
      });
      if (best === -1) { parent.appendChild(document.createTextNode(text.slice(position))); break; }
      if (best > position) { parent.appendChild(document.createTextNode(text.slice(position, best))); }
      var mark = document.createElement('mark');
      mark.textContent = text.slice(best, best + bestLength);
      parent.appendChild(mark);
      position = best + bestLength;
    }
  }

  function init() {
    var form = document.getElementById('search-form');
    if (!form) { return; }
    var input = document.getElementById('q');
    var selects = { kind: form.elements.kind, region: form.elements.region, year: form.elements.year, list: form.elements.list };
    var status = document.getElementById('search-status');
    var results = document.getElementById('search-results');
    var pager = document.getElementById('search-pages');
    var manifestPromise = null;

    function manifest() {
      manifestPromise = manifestPromise || fetchJSON('manifest.json');
      return manifestPromise;
    }

    function fillOptions(select, values, label) {
      var chosen = select.value;
      Object.keys(values).sort(function (a, b) { return label ? a.localeCompare(b) : b.localeCompare(a); }).forEach(function (value) {
        if (select.querySelector('option[value="' + CSS.escape(value) + '"]')) { return; }
        var option = document.createElement('option');
        option.value = value;
        option.textContent = (label ? label(value) : value) + '（' + values[value] + '）';
        select.appendChild(option);
      });
      select.value = chosen;
    }

    function run(page, pushState) {
      var query = input.value.trim();
      var filters = { kind: selects.kind.value, region: selects.region.value, year: selects.year.value, list: selects.list.value };
      if (pushState) {
        var params = new URLSearchParams();
        if (query) { params.set('q', query); }
        Object.keys(filters).forEach(function (key) { if (filters[key]) { params.set(key, filters[key]); } });
        if (page) { params.set('page', String(page + 1)); }
        history.replaceState(null, '', '?' + params.toString());
      }
      results.textContent = '';
      pager.textContent = '';
      if (!query && !filters.kind && !filters.region && !filters.year && !filters.list) { status.textContent = ''; return; }
      status.textContent = '正在搜索……';
      manifest().then(function (m) {
        fillOptions(selects.region, m.regions || {}, function (v) { return v; });
        fillOptions(selects.year, m.years || {}, null);
        return search(query, filters, m).then(function (ids) {
          var shown = ids.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
          var chunks = {};
          shown.forEach(function (id) { chunks[Math.floor(id / m.chunk)] = true; });
          return Promise.all(Object.keys(chunks).map(function (n) {
            return fetchJSON('d/' + n + '.json').then(function (rows) { chunks[n] = rows; });
          })).then(function () {
            status.textContent = ids.length ? '找到 ' + ids.length + ' 条结果' : '未找到相关结果，请尝试其他关键词或筛选条件。';
            shown.forEach(function (id) {
              var row = chunks[Math.floor(id / m.chunk)][id % m.chunk];
              var item = document.createElement('li');
              var heading = document.createElement('h2');
              var link = document.createElement('a');
              link.href = ROOT + row[1];
              appendHighlighted(link, row[0], query);
              heading.appendChild(link);
              var meta = document.createElement('p');
              meta.className = 'meta';
              meta.textContent = [KIND_LABELS[row[2]] || row[2], row[3], row[4]].filter(Boolean).join(' · ');
              var snippet = document.createElement('p');
              snippet.className = 'snippet';
              appendHighlighted(snippet, row[5], query);
              item.appendChild(heading);
              item.appendChild(meta);
              item.appendChild(snippet);
              results.appendChild(item);
            });
            if (ids.length > PAGE_SIZE) {
              if (page > 0) { pager.appendChild(pageButton('上一页', page - 1)); }
              var label = document.createElement('span');
              label.textContent = '第 ' + (page + 1) + ' / ' + Math.ceil(ids.length / PAGE_SIZE) + ' 页';
              pager.appendChild(label);
              if ((page + 1) * PAGE_SIZE < ids.length) { pager.appendChild(pageButton('下一页', page + 1)); }
            }
          });
        });
      }).catch(function () { status.textContent = '搜索索引加载失败，请稍后重试。'; });
    }

    function pageButton(text, page) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = text;
      button.addEventListener('click', function () { run(page, true); results.focus(); });
      return button;
    }

    Object.keys(LIST_LABELS).forEach(function (key) { if (!selects.list.querySelector('option[value="' + key + '"]')) { var o = document.createElement('option'); o.value = key; o.textContent = LIST_LABELS[key]; selects.list.appendChild(o); } });
    form.addEventListener('submit', function (event) { event.preventDefault(); run(0, true); });
    Object.keys(selects).forEach(function (key) { selects[key].addEventListener('change', function () { run(0, true); }); });

    var params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    var pending = [];
    Object.keys(selects).forEach(function (key) {
      var value = params.get(key);
      if (value) {
        if (!selects[key].querySelector('option[value="' + CSS.escape(value) + '"]')) {
          var option = document.createElement('option');
          option.value = value;
          option.textContent = value;
          selects[key].appendChild(option);
        }
        selects[key].value = value;
        pending.push(key);
      }
    });
    var startPage = Math.max(0, (parseInt(params.get('page') || '1', 10) || 1) - 1);
    if (input.value || pending.length) { run(startPage, false); }
  }

  window.gongshiSearch = { queryTerms: queryTerms, fnv1a: fnv1a, shardFile: shardFile };
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
