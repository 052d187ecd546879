// Suche für die Chronik: ein Suchknopf im Kopf jeder Seite (auch per Taste / oder s) und die
// Suchseite /suche/?q=…. Beide nutzen Pagefind, dessen Dateien der Build nach pagefind/ legt.
// Pagefind wird erst geladen, wenn jemand die Suche öffnet: wer nicht sucht, lädt nichts.
(function () {
  "use strict";

  var here = document.currentScript.src;
  var bundle = new URL("../pagefind/", here).href; // this file lives in assets/
  var searchPage = new URL("../suche/", here).href;
  var loading = null;

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = bundle + "pagefind-ui.css";
        document.head.appendChild(style);
        var script = document.createElement("script");
        script.src = bundle + "pagefind-ui.js";
        script.onload = resolve;
        script.onerror = function () {
          loading = null;
          reject(new Error("Die Suche konnte nicht geladen werden."));
        };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  // Events show their date after the title, so readers can tell plans and facts apart.
  function withDate(result) {
    if (result.meta && result.meta.datum) {
      result.meta.title = result.meta.title + " – " + result.meta.datum;
    }
    return result;
  }

  function mount(element, onQuery) {
    return load().then(function () {
      var ui = new window.PagefindUI({
        element: element,
        bundlePath: bundle,
        showImages: false,
        showSubResults: false,
        resetStyles: false,
        excerptLength: 24,
        // Names first: a person's page names them once, an event about them may name them
        // five times; repetition should count for less than the weighted name on their page.
        ranking: { termFrequency: 0.3 },
        processResult: withDate,
        translations: { placeholder: "Name, Land, Thema … (Akzente egal)" }
      });
      var input = element.querySelector("input");
      if (onQuery && input) {
        input.addEventListener("input", function () { onQuery(input.value); });
      }
      return ui;
    });
  }

  // The header: a button that opens a dialog with the search box.
  function headerSearch() {
    var header = document.querySelector(".md-header__inner");
    if (!header) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon chronik-suche__knopf";
    button.setAttribute("aria-label", "Suche öffnen");
    button.title = "Suche (Taste /)";
    button.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">' +
      '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79' +
      'l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5' +
      ' 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
    var anchor = header.querySelector(".md-header__source");
    header.insertBefore(button, anchor);

    var dialog = document.createElement("dialog");
    dialog.className = "chronik-suche";
    dialog.setAttribute("aria-label", "Suche");
    dialog.innerHTML = '<div class="chronik-suche__kopf"><span>Suche</span>' +
      '<a class="chronik-suche__seite" href="' + searchPage + '">Als Seite öffnen</a>' +
      '<button type="button" class="chronik-suche__zu" aria-label="Suche schließen">×</button></div>' +
      '<div class="chronik-suche__ergebnisse"></div>';
    document.body.appendChild(dialog);
    var results = dialog.querySelector(".chronik-suche__ergebnisse");
    var pageLink = dialog.querySelector(".chronik-suche__seite");
    var mounted = null;

    function open() {
      if (dialog.open) return;
      dialog.showModal();
      if (!mounted) {
        mounted = mount(results, function (query) {
          pageLink.href = searchPage + (query ? "?q=" + encodeURIComponent(query) : "");
        }).catch(function (error) {
          mounted = null;
          results.textContent = error.message;
        });
      }
      Promise.resolve(mounted).then(function () {
        var input = results.querySelector("input");
        if (input) input.focus();
      });
    }

    button.addEventListener("click", open);
    dialog.querySelector(".chronik-suche__zu").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close(); // a click beside the box
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" && event.key !== "s") return;
      if (event.ctrlKey || event.metaKey || event.altKey || dialog.open) return;
      var target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      open();
    });
  }

  // The search page: the query lives in the address, so a search can be linked.
  function searchPageSearch() {
    var element = document.getElementById("chronik-suchseite");
    if (!element) return;
    var query = new URLSearchParams(window.location.search).get("q") || "";
    mount(element, function (value) {
      var url = new URL(window.location.href);
      if (value) url.searchParams.set("q", value); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url);
    }).then(function (ui) {
      if (query) ui.triggerSearch(query);
      var input = element.querySelector("input");
      if (input) { input.value = query; input.focus(); }
    }).catch(function (error) {
      element.textContent = error.message;
    });
  }

  headerSearch();
  searchPageSearch();
})();
