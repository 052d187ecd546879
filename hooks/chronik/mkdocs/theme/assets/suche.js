// Suche für die Chronik: ein Suchknopf im Kopf jeder Seite (auch per Taste / oder s) und die
// Suchseite /suche/?q=…. Beide fragen Pagefind (pagefind/pagefind.js, vom Build erzeugt).
// Geladen wird erst, wenn jemand die Suche öffnet, und die Filter erst, wenn jemand sie öffnet:
// bei 10.000 Ereignissen sind die Filterlisten größer als alles andere zusammen.
(function () {
  "use strict";

  var here = document.currentScript.src;
  var bundle = new URL("../pagefind/", here).href; // this file lives in assets/
  var searchPage = new URL("../suche/", here).href;
  var siteRoot = new URL("../", here).href;
  var namesFile = new URL("../suche/namen.json", here).href; // hooks/chronik/search_names.py
  var PAGE_SIZE = 5; // each result fetches its page's text: five fill a phone screen
  var FILTER_ORDER = ["Person", "Land", "Status", "Jahr"];
  var pagefind = null;
  var names = null;
  var NAMED_KINDS = ["Person", "Land", "Thema"]; // the pages „Meintest du …?“ points to
  // A person's or a country's page comes first when the query is its name. The templates weigh names at
  // least NAME_WEIGHT (chronik.pages.search_marks.LEAST_NAME_WEIGHT: a person's by their share of the
  // events, 10 for the president-elect and countries), headings 7, text 1; Pagefind's score still puts an
  // event first that names the person in its title and again in its text, and among a thousand people it
  // no longer tells the heavier name. So a second search, sorted by the name pages' sort key NAME_SORT
  // (only those pages have it, heaviest first), yields the NAMED heaviest pages for the query; those
  // whose match lies in a name come first, then everything else in Pagefind's order.
  var NAME_WEIGHT = 8;
  var NAME_SORT = "name";
  var NAMED = 10;

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (module) {
        // Names first: a person's page names them once, with a high weight, an event about them may
        // name them ten times. Pagefind's own term frequency (BM25, saturating, relative to the page's
        // length) lets repetition count for less than that weighted name; a word that only begins with
        // the query counts less than by default: "frei" is a name, "Freitag" is not.
        return module.options({ ranking: { termSimilarity: 3 }, excerptLength: 24 }).then(function () {
          module.init();
          return module;
        });
      }).catch(function (error) {
        pagefind = null;
        throw error;
      });
    }
    return pagefind;
  }

  // The names for „Meintest du …?“ and the code that compares them (vorschlaege.js), both loaded
  // when the search opens.
  function loadNames() {
    if (!names) {
      names = Promise.all([
        import(new URL("vorschlaege.js", here).href),
        fetch(namesFile).then(function (response) {
          if (!response.ok) throw new Error(response.statusText);
          return response.json();
        }),
      ]).then(function (parts) {
        return { suggest: parts[0].suggest, list: parts[0].entries(parts[1]) };
      }).catch(function (error) {
        names = null;
        throw error;
      });
    }
    return names;
  }

  // A text's words as Pagefind compares them: lower case, without accents („Ruiz-Tagle.“ -> ruiz, tagle).
  function words(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss")
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // Each result's page is fetched once, whether for ranking or for showing it.
  function remembered(result) {
    var load = result.data;
    var page = null;
    result.data = function () {
      if (!page) page = load.call(result);
      return page;
    };
    return result;
  }

  // Pagefind's results with the pages matched in a name first (see NAME_WEIGHT); otherwise its order.
  function namesFirst(api, query, filters, results) {
    var sort = {};
    sort[NAME_SORT] = "desc";
    return api.search(query, { filters: filters, sort: sort }).then(function (sorted) {
      var head = sorted.results.slice(0, NAMED).map(remembered);
      return Promise.all(head.map(function (result) { return result.data(); })).then(function (pages) {
        var place = {};
        results.forEach(function (result, index) { place[result.id] = index; });
        var named = [];
        var terms = words(query);
        pages.forEach(function (page, index) {
          // The matched words (Pagefind counts a location per word of its text) that are in a name.
          var text = page.content.split(/[\r\n\s]+/g);
          var inNames = page.weighted_locations.filter(function (location) {
            return location.weight >= NAME_WEIGHT;
          });
          var nameWords = [].concat.apply([], inNames.map(function (location) {
            return words(text[location.location] || "");
          }));
          var whole = terms.every(function (term) {
            return nameWords.some(function (word) { return word.indexOf(term) === 0; });
          });
          if (!whole) return; // „maria jose“ does not lift María Pía, whose page names José in its text
          // Pagefind's score of the best match in a name: the name's weight, squared, less for a word that
          // only begins with the query („jeri“ matches Jerí better than Bachelet's „Jeria“).
          var score = inNames.reduce(function (best, location) {
            return Math.max(best, location.balanced_score);
          }, 0);
          named.push({ result: head[index], score: score, place: place[head[index].id] });
        });
        // The best name match first; of equal ones, the page Pagefind ranks higher.
        named.sort(function (a, b) { return b.score - a.score || a.place - b.place; });
        var first = named.map(function (entry) { return entry.result.id; });
        return named.map(function (entry) { return entry.result; }).concat(results.filter(function (result) {
          return first.indexOf(result.id) < 0;
        }));
      });
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Pagefind's excerpt is HTML with <mark> around the matches. Only text and <mark> survive.
  function excerpt(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body;
    var paragraph = element("p", "chronik-suche__auszug");
    parsed.firstChild.childNodes.forEach(function copy(node) {
      if (node.nodeType === Node.TEXT_NODE) {
        paragraph.appendChild(document.createTextNode(node.textContent));
      } else if (node.nodeName === "MARK") {
        paragraph.appendChild(element("mark", "", node.textContent));
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function plural(count) {
    return count === 1 ? "1 Treffer" : count.toLocaleString("de-DE") + " Treffer";
  }

  // One search box with results; `onQuery` hears every query (for the address bar).
  function SearchBox(container, onQuery) {
    var field = element("div", "chronik-suche__feld");
    var input = element("input", "chronik-suche__eingabe");
    input.type = "search";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.placeholder = "Name, Land, Thema … (Akzente egal)";
    input.setAttribute("aria-label", "Suchbegriff");
    var filterButton = element("button", "chronik-suche__filterknopf md-button", "Filter");
    filterButton.type = "button";
    filterButton.setAttribute("aria-expanded", "false");
    field.append(input, filterButton);
    var filterPanel = element("div", "chronik-suche__filter");
    filterPanel.hidden = true;
    var message = element("p", "chronik-suche__meldung");
    message.setAttribute("role", "status");
    var hint = element("p", "chronik-suche__vorschlaege");
    hint.setAttribute("aria-live", "polite");
    hint.hidden = true;
    var list = element("ol", "chronik-suche__treffer");
    var more = element("button", "chronik-suche__mehr md-button", "Weitere Treffer");
    more.type = "button";
    more.hidden = true;
    container.append(field, filterPanel, message, hint, list, more);

    var filters = {};
    var results = [];
    var shown = 0;
    var latest = 0;
    var timer = null;

    function run() {
      var query = input.value.trim();
      var active = Object.keys(filters).length > 0;
      if (onQuery) onQuery(input.value);
      var ticket = ++latest;
      hint.hidden = true;
      hint.replaceChildren();
      delete hint.dataset.fuer;
      if (!query && !active) {
        list.replaceChildren();
        more.hidden = true;
        message.textContent = "";
        return;
      }
      message.textContent = "Suche …";
      loadPagefind().then(function (api) {
        return api.search(query || null, { filters: filters }).then(function (found) {
          if (ticket !== latest || !found) return null; // a newer query has overtaken this one
          return query ? namesFirst(api, query, filters, found.results) : found.results;
        });
      }).then(function (ranked) {
        if (ticket !== latest || !ranked) return;
        results = ranked;
        shown = 0;
        list.replaceChildren();
        var about = query ? " für „" + query + "“" : "";
        if (!results.length) {
          message.textContent = "Keine Treffer" + about + ". Prüfe die Schreibweise oder suche nach einem Teil " +
            "des Namens.";
          more.hidden = true;
          offer(query, ticket, []);
          return;
        }
        message.textContent = plural(results.length) + about;
        return showMore(ticket, query);
      }).catch(function () {
        message.textContent = "Die Suche konnte nicht geladen werden. Bitte lade die Seite neu.";
      });
    }

    // `query` is given for the first results only: they decide whether to offer other names.
    function showMore(ticket, query) {
      var batch = results.slice(shown, shown + PAGE_SIZE);
      shown += batch.length;
      more.hidden = shown >= results.length;
      return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
        if (ticket !== latest) return;
        pages.forEach(function (page) { list.appendChild(resultItem(page)); });
        if (query !== undefined) offer(query, ticket, pages);
      });
    }

    // „Meintest du …?“ when the first results hold no person, country or topic: names close to the
    // query. A click searches for the name; the link itself leads to its page (e.g. in a new tab).
    // data-fuer says for which query the question was settled, even when nothing was offered.
    function offer(query, ticket, pages) {
      if (!query || pages.some(function (page) { return NAMED_KINDS.indexOf(page.meta.art) >= 0; })) {
        hint.dataset.fuer = query;
        return;
      }
      loadNames().then(function (loaded) {
        if (ticket !== latest) return;
        var found = loaded.suggest(query, loaded.list);
        found.forEach(function (suggestion, index) {
          hint.append(index === 0 ? "Meinten Sie " : index === found.length - 1 ? " oder " : ", ");
          var link = element("a", "chronik-suche__vorschlag", suggestion.name);
          link.href = new URL(suggestion.path, siteRoot).href;
          link.addEventListener("click", function (event) {
            if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            input.value = suggestion.name;
            input.focus();
            run();
          });
          hint.append(link, element("span", "chronik-suche__vorschlagsart", " (" + suggestion.kind + ")"));
        });
        if (found.length) hint.append("?");
        hint.hidden = !found.length;
        hint.dataset.fuer = query;
      }).catch(function () {
        if (ticket === latest) hint.dataset.fuer = query; // without the names, search still works
      });
    }

    function resultItem(page) {
      var item = element("li", "chronik-suche__eintrag");
      var link = element("a", "chronik-suche__titel", page.meta.title);
      link.href = page.url;
      item.appendChild(link);
      var facts = [page.meta.art, page.meta.datum].filter(Boolean).join(" · ");
      if (facts) item.appendChild(element("span", "chronik-suche__art", facts));
      item.appendChild(excerpt(page.excerpt));
      return item;
    }

    function openFilters() {
      var open = filterPanel.hidden;
      filterPanel.hidden = !open;
      filterButton.setAttribute("aria-expanded", String(open));
      if (!open || filterPanel.childElementCount) return;
      filterPanel.textContent = "Filter werden geladen …";
      loadPagefind().then(function (api) { return api.filters(); }).then(function (available) {
        filterPanel.replaceChildren();
        FILTER_ORDER.filter(function (name) { return available[name]; }).forEach(function (name) {
          var label = element("label", "chronik-suche__filtername", name);
          var select = element("select");
          select.name = name;
          select.appendChild(element("option", "", "alle"));
          select.firstChild.value = "";
          Object.keys(available[name]).sort(function (a, b) { return a.localeCompare(b, "de"); })
            .forEach(function (value) {
              var option = element("option", "", value + " (" + available[name][value] + ")");
              option.value = value;
              select.appendChild(option);
            });
          select.addEventListener("change", function () {
            if (select.value) filters[name] = select.value; else delete filters[name];
            run();
          });
          label.appendChild(select);
          filterPanel.appendChild(label);
        });
      });
    }

    // Arrow keys walk from the box through the results and back.
    container.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var position = links.indexOf(document.activeElement);
      if (document.activeElement !== input && position < 0) return;
      event.preventDefault();
      var next = position + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus(); else if (links[next]) links[next].focus();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    filterButton.addEventListener("click", openFilters);
    more.addEventListener("click", function () { showMore(latest); });

    this.input = input;
    this.search = function (query) {
      input.value = query;
      run();
    };
  }

  // The header: a button that opens a dialog with the search box.
  function headerSearch() {
    var header = document.querySelector(".md-header__inner");
    if (!header) return;
    var button = element("button", "md-header__button md-icon chronik-suche__knopf");
    button.type = "button";
    button.setAttribute("aria-label", "Suche öffnen");
    button.title = "Suche (Taste /)";
    button.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">' +
      '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79' +
      'l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5' +
      ' 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
    header.insertBefore(button, header.querySelector(".md-header__source"));

    var dialog = element("dialog", "chronik-suche");
    dialog.setAttribute("aria-label", "Suche");
    var top = element("div", "chronik-suche__kopf");
    var pageLink = element("a", "chronik-suche__seite", "Als Seite öffnen");
    pageLink.href = searchPage;
    var close = element("button", "chronik-suche__zu", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Suche schließen");
    top.append(element("span", "", "Suche"), pageLink, close);
    var body = element("div", "chronik-suche__ergebnisse");
    dialog.append(top, body);
    document.body.appendChild(dialog);
    var box = null;

    function open() {
      if (dialog.open) return;
      if (!box) {
        box = new SearchBox(body, function (query) {
          pageLink.href = searchPage + (query.trim() ? "?q=" + encodeURIComponent(query.trim()) : "");
        });
        loadPagefind().catch(function () {}); // start loading while the reader types
        loadNames().catch(function () {});
      }
      dialog.showModal();
      box.input.focus();
      box.input.select(); // typing replaces the previous query instead of extending it
    }

    button.addEventListener("click", open);
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close(); // a click beside the box
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      event.preventDefault(); // a search field would first clear itself; Escape should just close
      dialog.close();
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
    var container = document.getElementById("chronik-suchseite");
    if (!container) return;
    var box = new SearchBox(container, function (query) {
      var url = new URL(window.location.href);
      if (query.trim()) url.searchParams.set("q", query.trim()); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url);
    });
    loadNames().catch(function () {});
    var query = new URLSearchParams(window.location.search).get("q") || "";
    if (query) box.search(query);
    box.input.focus();
  }

  headerSearch();
  searchPageSearch();
})();
