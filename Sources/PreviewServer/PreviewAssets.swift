/// The preview's own stylesheet and toggle script.
enum PreviewAssets {
    static let stylesheet = """
        .gongshi-preview { background-image: repeating-linear-gradient(-30deg, transparent 0 140px, rgba(179, 38, 30, .04) 140px 280px); }
        .preview-watermark { position: fixed; inset: 40% 0 auto 0; text-align: center; font-size: 5rem; color: rgba(179, 38, 30, .08);
          transform: rotate(-20deg); pointer-events: none; z-index: 0; }
        .preview-banner { position: sticky; top: 0; z-index: 5; background: #2b2b2b; color: #fff; padding: .5rem 1rem; font-size: .95rem; }
        .preview-banner a { color: #9cd0ff; }
        .preview-banner p { margin: .2rem 0; }
        .preview-banner button { font-size: .95rem; }
        @media (max-width: 640px) {
          .preview-banner { position: static; font-size: .85rem; padding: .35rem .6rem; }
          .preview-banner p { margin: .1rem 0; }
        }
        .redaction { background: #ffe08a; outline: 1px dashed #b3261e; border-radius: 2px; cursor: help; }
        .redaction[data-rule="override"] { background: #ffc7c2; }
        .redaction[data-rule="person_name"], .redaction[data-rule="masked_name_field"] { background: #d9f0ff; }
        .redaction[data-rule="context_name"] { background: #d9f0ff; outline: 2px dashed #0b57d0; }
        .redaction[data-rule="county_address"] .masked::after { content: "⋯"; }
        .redaction .original { display: none; margin-left: .25em; background: #fff; color: #b3261e; text-decoration: line-through wavy; }
        body.show-original .redaction .original { display: inline; }
        .preview-table .original { display: none; color: #b3261e; }
        body.show-original .preview-table .original { display: inline; }
        mark.doubt { background: #f3e5f5; color: inherit; text-decoration: underline wavy #7b1fa2; text-underline-offset: 3px;
          outline: 1px dotted #7b1fa2; cursor: help; }
        .preview-notice { display: block; margin-top: .2rem; color: #ffd7a8; font-weight: bold; }
        .preview-logout { display: inline; margin: 0; }
        .preview-logout button { font-size: .85rem; }
        .preview-toggle-message { margin-left: .5em; color: #ffd7a8; }
        .preview-login input { font-size: 1rem; padding: .4rem; min-width: 16em; max-width: 100%; }
        .preview-login button { font-size: 1rem; padding: .5rem 1.5rem; min-height: 44px; }
        .preview-login-message { color: #b3261e; font-weight: bold; }
        .preview-legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; color: #1f2328; }
        .preview-table td, .preview-table th { vertical-align: top; }
        """

    /// The toggle: the first time it is pressed, the page's originals are fetched (the page
    /// holds none; the preview logs each fetch) and put into their places.
    static let script = """
        (function () {
          'use strict';
          document.addEventListener('DOMContentLoaded', function () {
            var button = document.getElementById('preview-toggle');
            if (!button) { return; }
            var message = document.querySelector('.preview-toggle-message');
            var loaded = false;
            function say(text) { if (message) { message.textContent = text; } }
            function show(on) {
              document.body.classList.toggle('show-original', on);
              document.querySelectorAll('.redaction .original, .preview-table .original').forEach(function (el) { el.hidden = !on; });
              button.setAttribute('aria-pressed', on ? 'true' : 'false');
              button.textContent = on ? '隐藏原文' : '显示原文';
            }
            button.addEventListener('click', function () {
              var on = button.getAttribute('aria-pressed') !== 'true';
              if (!on || loaded) { show(on); return; }
              button.disabled = true;
              say('正在读取原文…');
              fetch(button.getAttribute('data-originals'), { credentials: 'same-origin', cache: 'no-store' })
                .then(function (response) {
                  if (response.status === 401) { throw new Error('登录已过期，请重新登录后再显示原文'); }
                  if (response.status === 409) { throw new Error('快照已更新，请刷新页面后再显示原文'); }
                  if (!response.ok) { throw new Error('无法读取原文（' + response.status + '）'); }
                  return response.json();
                })
                .then(function (data) {
                  document.querySelectorAll('.original[data-n]').forEach(function (el) {
                    var text = data.originals[Number(el.getAttribute('data-n'))];
                    el.textContent = typeof text === 'string' ? text : '';
                  });
                  loaded = true;
                  say('');
                  show(true);
                })
                .catch(function (error) { say(error.message); })
                .then(function () { button.disabled = false; });
            });
          });
        })();
        """
}
