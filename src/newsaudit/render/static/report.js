/* newsaudit report: jump between findings and the words that show them.
   Everything it needs is in data- attributes; it reads no page text as HTML. */
(function () {
  "use strict";
  var current = [];

  function clearCurrent() {
    current.forEach(function (el) { el.classList.remove("current"); });
    current = [];
  }

  /* The first piece with a box: a piece in the hidden blank lines between parts has none. */
  function firstShown(nodes) {
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].getClientRects().length) return nodes[i];
    }
    return nodes.length ? nodes[0] : null;
  }

  function reveal(el) {
    el.scrollIntoView({ block: "center", inline: "nearest" });
    el.focus({ preventScroll: true });
  }

  function markAll(nodes) {
    Array.prototype.forEach.call(nodes, function (el) {
      el.classList.add("current");
      current.push(el);
    });
  }

  /* Select a finding: light up all its evidence, and go to one piece of it. */
  function selectEvidence(evKey) {
    var fid = evKey.split(":")[0];
    clearCurrent();
    markAll(document.querySelectorAll('#page-text mark[data-finding~="' + CSS.escape(fid) + '"]'));
    markAll(document.querySelectorAll('.finding[data-finding="' + CSS.escape(fid) + '"]'));
    var target = firstShown(
      document.querySelectorAll('#page-text mark[data-ev~="' + CSS.escape(evKey) + '"]'));
    if (target) {
      target.classList.add("focus");
      current.push(target);
      reveal(target);
    }
  }

  function selectQuantity(qid) {
    clearCurrent();
    var pieces = document.querySelectorAll('#page-text .qty[data-q~="' + CSS.escape(qid) + '"]');
    markAll(pieces);
    var target = firstShown(pieces);
    if (target) {
      target.setAttribute("tabindex", "-1");
      reveal(target);
    }
  }

  /* A click on marked words shows their finding in the panel. */
  function selectMark(mark) {
    var fid = mark.getAttribute("data-finding").split(" ")[0];
    clearCurrent();
    markAll(document.querySelectorAll('#page-text mark[data-finding~="' + CSS.escape(fid) + '"]'));
    var item = document.querySelector('.finding[data-finding="' + CSS.escape(fid) + '"]');
    if (item) {
      markAll([item]);
      item.scrollIntoView({ block: "nearest" });
    }
  }

  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-goto-ev], [data-goto-q], #page-text mark[data-finding]");
    if (!el) return;
    if (el.hasAttribute("data-goto-ev")) selectEvidence(el.getAttribute("data-goto-ev"));
    else if (el.hasAttribute("data-goto-q")) selectQuantity(el.getAttribute("data-goto-q"));
    else selectMark(el);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") clearCurrent();
  });

  document.documentElement.classList.add("js");
})();
