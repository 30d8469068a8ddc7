/* global document, window, Worker */
// The question form's proof of work: the ALTCHA widget (loaded before this file) solves SHA-256
// challenges in a worker from this origin, since the page's Content-Security-Policy allows no
// inline or blob: scripts. Without JavaScript the form still works (a sum to answer after sending).
(function () {
  'use strict';
  var widget = document.querySelector('altcha-widget[data-worker]');
  if (!widget || !window.$altcha) return;
  var url = widget.getAttribute('data-worker');
  window.$altcha.algorithms.set('SHA-256', function () {
    return new Worker(url);
  });
})();
