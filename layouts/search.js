/* gongshi search client: plain JavaScript, no dependencies, no external requests.
 * It mirrors Sources/SearchIndex (SearchTokenizer, SearchShards, SearchEngine): it fetches the
 * manifest, then only the shard files of the query's terms and the chunks of the results shown. */
(function () {
  'use strict';

  var KIND_LABELS = { 'case': '失信案例', report: '核查报告', record: '信用记录', list: '名单信息', commitment: '信用承诺', subject: '信用主体' };
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

  /* Han runs, ASCII words, and pairs of words with only punctuation between them, joined with '~'. */
  var PUNCTUATION = /\p{P}/u;
  function runs(text) {
    var han = [], words = [], joined = [], currentHan = [], currentWord = '', previousWord = null;
    function flushHan() { if (currentHan.length) { han.push(currentHan); currentHan = []; } }
    function flushWord() {
      if (!currentWord) { return; }
      if (previousWord !== null) { joined.push(previousWord + '~' + currentWord); }
      words.push(currentWord);
      previousWord = currentWord;
      currentWord = '';
    }
    for (var ch of normalize(text)) {
      var cp = ch.codePointAt(0);
      if (isHan(cp)) { flushWord(); previousWord = null; currentHan.push(ch); }
      else if (isWord(cp)) { flushHan(); currentWord += ch; }
      else { flushHan(); flushWord(); if (!PUNCTUATION.test(ch)) { previousWord = null; } }
    }
    flushHan(); flushWord();
    return { han: han, words: words, joined: joined };
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
    /* A pair whose second word may be unfinished (the query's last, long enough to be a prefix) is left out. */
    var folded = Array.from(normalize(query)), lastWord = parts.words[parts.words.length - 1] || '';
    var endsInWord = folded.length > 0 && isWord(folded[folded.length - 1].codePointAt(0));
    parts.joined.forEach(function (pair, index) {
      var isLast = index === parts.joined.length - 1 && endsInWord && pair.slice(-(lastWord.length + 1)) === '~' + lastWord;
      if (isLast && lastWord.length >= WORD_KEY_LENGTH) { return; }
      add({ type: 'han', text: pair });
    });
    return terms;
  }

  var encoder = new TextEncoder();
  function fnv1a(text) {
    var hash = 0x811c9dc5;
    encoder.encode(text).forEach(function (byte) { hash = Math.imul(hash ^ byte, 0x01000193) >>> 0; });
    return hash >>> 0;
  }
  /* Every term is in h/N.json, N = FNV-1a of its UTF-8 bytes modulo the shard count. */
  function shardFile(text, shards) { return 'h/' + (fnv1a(text) % shards) + '.json'; }

  function decode(gaps) {
    var ids = [], current = 0;
    for (var i = 0; i < gaps.length; i++) { current = i === 0 ? gaps[0] : current + gaps[i]; ids.push(current); }
    return ids;
  }

  /* One posting list as its shard holds it: [gaps], read whole, or a blocked list
   * {c: count, f: file, k: [blocks, newest first], r: numbers per block, h: [gaps of the newest]}
   * whose older blocks (x/FILE-LIST-BLOCK.json) are read, newest first, only while a query needs
   * more results. `low`: every number of the list at or above it is known (0: all of them).
   * Mirrors Sources/SearchIndex/PostingCursor.swift. */
  function Cursor(value, list) {
    this.known = new Set();
    this.members = null;
    this.blocks = [];
    this.low = 0;
    var self = this;
    if (value && !Array.isArray(value) && typeof value === 'object' && value.r > 0 && Array.isArray(value.k) && value.k.length) {
      decode(Array.isArray(value.h) ? value.h : []).forEach(function (n) { self.known.add(n); });
      this.count = value.c || 0;
      this.range = value.r;
      this.file = String(value.f);
      this.list = list;
      this.blocks = value.k.slice(1);
      this.low = this.blocks.length ? value.k[0] * value.r : 0;
    } else {
      decode(Array.isArray(value) ? value : []).forEach(function (n) { self.known.add(n); });
      this.count = this.known.size;
    }
  }
  /* The union of a prefix word's lists. */
  function unionCursor(members) {
    var cursor = new Cursor(null, 0);
    cursor.members = members;
    cursor.count = 0;
    members.forEach(function (member) {
      cursor.count += member.count;
      member.known.forEach(function (n) { cursor.known.add(n); });
      cursor.low = Math.max(cursor.low, member.low);
    });
    return cursor;
  }
  function maxLow(lists) { return lists.reduce(function (a, b) { return b.low > a.low ? b : a; }); }
  Cursor.prototype.readNext = function () {
    var self = this;
    if (this.members) {
      var member = maxLow(this.members);
      if (member.low <= 0) { return Promise.resolve(); }
      return member.readNext().then(function () {
        member.known.forEach(function (n) { self.known.add(n); });
        self.low = maxLow(self.members).low;
      });
    }
    if (!this.blocks.length) { this.low = 0; return Promise.resolve(); }
    var block = this.blocks.shift();
    return fetchJSON('x/' + this.file + '-' + this.list + '-' + block + '.json').then(function (gaps) {
      decode(Array.isArray(gaps) ? gaps : []).forEach(function (n) { self.known.add(n); });
      self.low = self.blocks.length ? block * self.range : 0;
    });
  };

  /* A term's cursors: all text, titles, subjects' names; a prefix word's are the unions of the
   * word's and its prefix term's ('^' + word: every longer word it begins). */
  var LONGEST_PREFIX = 10;
  function cursors(term, shards) {
    function lists(text) {
      return fetchJSON(shardFile(text, shards)).then(function (shard) {
        var values = Object.prototype.hasOwnProperty.call(shard, text) && Array.isArray(shard[text]) ? shard[text] : [];
        return [0, 1, 2].map(function (list) { return new Cursor(values[list], list); });
      });
    }
    if (term.type !== 'word' || !term.prefix || encoder.encode(term.text).length > LONGEST_PREFIX) { return lists(term.text); }
    return Promise.all([lists(term.text), lists('^' + term.text)]).then(function (both) {
      return [0, 1, 2].map(function (list) { return unionCursor([both[0][list], both[1][list]]); });
    });
  }

  /* The numbers in every one of `lists` and not in `excluded`, highest first, reading blocks
   * until `need` are found or the lists are read whole. */
  function sweep(lists, need, excluded) {
    if (!lists.length) { return Promise.resolve({ found: [], complete: true }); }
    function step() {
      var floor = maxLow(lists).low;
      var driver = lists.reduce(function (a, b) { return b.known.size < a.known.size ? b : a; });
      var found = [];
      driver.known.forEach(function (n) {
        if (n >= floor && !excluded.has(n) && lists.every(function (l) { return l.known.has(n); })) { found.push(n); }
      });
      found.sort(function (a, b) { return b - a; });
      if (floor === 0 || found.length >= need) { return Promise.resolve({ found: found, complete: floor === 0 }); }
      return maxLow(lists).readNext().then(step);
    }
    return step();
  }

  /* A query's matches: subjects whose name or USCC matches first, then title matches, then the
   * rest, each newest (highest number) first; read until `need` are known. Resolves to
   * {ids, complete, total} (total null when unknown: more than ids.length - 1). */
  function search(query, filters, manifest, need) {
    var shards = manifest.hanShards, terms = queryTerms(query);
    var filterTerms = [];
    if (filters.kind) { filterTerms.push({ type: 'han', text: '#k:' + filters.kind }); }
    if (filters.region) { filterTerms.push({ type: 'han', text: '#r:' + filters.region }); }
    if (filters.year) { filterTerms.push({ type: 'han', text: '#y:' + filters.year }); }
    if (filters.list) { filterTerms.push({ type: 'han', text: '#l:' + filters.list }); }
    if (!terms.length && !filterTerms.length) { return Promise.resolve({ ids: [], complete: true, total: 0 }); }
    return Promise.all(terms.concat(filterTerms).map(function (term) { return cursors(term, shards); })).then(function (all) {
      var termLists = all.slice(0, terms.length), filterLists = all.slice(terms.length).map(function (l) { return l[0]; });
      function tier(list) { return termLists.map(function (l) { return l[list]; }).concat(filterLists); }
      var tiers = terms.length ? [tier(2), tier(1), tier(0)] : [filterLists];
      var ranked = [], seen = new Set(), complete = true;
      function next(index) {
        if (index >= tiers.length || ranked.length >= need) { return Promise.resolve(); }
        return sweep(tiers[index], need - ranked.length, seen).then(function (result) {
          result.found.forEach(function (n) { ranked.push(n); seen.add(n); });
          /* Complete once the last tier is read whole. */
          complete = result.complete && index === tiers.length - 1;
          return next(index + 1);
        });
      }
      return next(0).then(function () {
        var total = complete ? ranked.length : null;
        var only = termLists.length ? termLists[0][0] : filterLists[0];
        if (!complete && termLists.length + filterLists.length === 1 && !only.members) { total = only.count; }
        return { ids: ranked, complete: complete, total: total };
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
      // Page 2 counts on from 11, not from 1 again.
      results.setAttribute('start', String(page * PAGE_SIZE + 1));
      pager.textContent = '';
      if (!query && !filters.kind && !filters.region && !filters.year && !filters.list) { status.textContent = ''; return; }
      status.textContent = '正在搜索……';
      manifest().then(function (m) {
        fillOptions(selects.region, m.regions || {}, function (v) { return v; });
        fillOptions(selects.year, m.years || {}, null);
        return search(query, filters, m, (page + 1) * PAGE_SIZE + 1).then(function (result) {
          var ids = result.ids, more = ids.length > (page + 1) * PAGE_SIZE;
          var shown = ids.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
          var chunks = {};
          shown.forEach(function (id) { chunks[Math.floor(id / m.chunk)] = true; });
          return Promise.all(Object.keys(chunks).map(function (n) {
            return fetchJSON('d/' + n + '.json').then(function (rows) { chunks[n] = rows; });
          })).then(function () {
            if (!ids.length) { status.textContent = page ? '没有更多结果。' : '未找到相关结果，请尝试其他关键词或筛选条件。'; }
            else if (result.total !== null) { status.textContent = '找到 ' + result.total + ' 条结果'; }
            else { status.textContent = '找到超过 ' + ((page + 1) * PAGE_SIZE) + ' 条结果'; }
            shown.forEach(function (id) {
              var row = (chunks[Math.floor(id / m.chunk)] || [])[id % m.chunk];
              if (!Array.isArray(row)) { return; }
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
            if (page > 0 || more) {
              if (page > 0) { pager.appendChild(pageButton('上一页', page - 1)); }
              var label = document.createElement('span');
              label.textContent = result.total !== null
                ? '第 ' + (page + 1) + ' / ' + Math.max(page + 1, Math.ceil(result.total / PAGE_SIZE)) + ' 页'
                : '第 ' + (page + 1) + ' 页';
              pager.appendChild(label);
              if (more) { pager.appendChild(pageButton('下一页', page + 1)); }
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

  /* Every result of a query, ranked, as [title, link, kind, date, region, snippet] rows (for tests and tools). */
  function allResults(query, filters) {
    return fetchJSON('manifest.json').then(function (m) {
      return search(query, filters || {}, m, Infinity).then(function (result) {
        return Promise.all(result.ids.map(function (id) {
          return fetchJSON('d/' + Math.floor(id / m.chunk) + '.json').then(function (rows) { return (rows || [])[id % m.chunk]; });
        }));
      });
    });
  }

  window.gongshiSearch = { queryTerms: queryTerms, fnv1a: fnv1a, shardFile: shardFile, allResults: allResults };
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
