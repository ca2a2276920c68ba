// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
import DOMPurify from 'dompurify';

export function showGreeting() {
  const params = new URLSearchParams(window.location.search);
  const name = params.get('name');
  // ruleid: sast/js-dom-xss
  document.getElementById('greeting').innerHTML = `<b>Hello ${name}</b>`;
  // ok: sast/js-dom-xss
  document.getElementById('greeting').textContent = `Hello ${name}`;
  // ok: sast/js-dom-xss
  document.getElementById('greeting').innerHTML = DOMPurify.sanitize(`<b>Hello ${name}</b>`);
}

export function showTab() {
  const tab = decodeURIComponent(location.hash.slice(1));
  // ruleid: sast/js-dom-xss
  document.querySelector('#tabs').insertAdjacentHTML('beforeend', '<li>' + tab + '</li>');
  // ruleid: sast/js-dom-xss
  $('#current').html(tab);
  // ok: sast/js-dom-xss
  $('#current').text(tab);
}

export function legacyBanner() {
  // ruleid: sast/js-dom-xss
  document.write('<p>Came from ' + document.referrer + '</p>');
  // ok: sast/js-dom-xss
  document.write('<p>Welcome</p>');
}

window.addEventListener('message', (event) => {
  // ruleid: sast/js-dom-xss
  document.getElementById('inbox').innerHTML = event.data.html;
});

export function renderStatic(el, count) {
  // ok: sast/js-dom-xss
  el.innerHTML = `<span>${Number(count)} new messages</span>`;
}

export function renderTemplate(el) {
  const template = document.getElementById('row-template').innerHTML;
  // ok: sast/js-dom-xss
  el.innerHTML = template;
}
