// „Meintest du …?“ für die Suche (suche.js): Namen aus dem Verzeichnis der Chronik (suche/namen.json,
// erzeugt von hooks/chronik/search_names.py), die einem vertippten Suchwort ähneln.
// Reines Rechnen ohne Seite und Netz, damit Tests es mit Listen von Tippfehlern prüfen können.

const KINDS = { "personen/": "Person", "laender/": "Land", "themen/": "Thema" };
const MAX_SUGGESTIONS = 3;

// Lower case, without accents, words only: "José Jerí" -> "jose jeri".
export function fold(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss")
    .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

// "José Antonio Kast" -> "jose-antonio-kast": the address of a page named so, unless namen.json
// says otherwise (hooks/chronik/search_names.py derives it alike).
export function slug(name) {
  return fold(name).replace(/ /g, "-");
}

// Spelling habits that change letters but not the sound, so that they cost nothing: German "tsch"
// for Spanish "ch" (Botschelet), Spanish b/v, z/s and c/k, y for i (Jery), doubled letters (Kasst).
export function sound(word) {
  return word.replace(/tsch/g, "ch").replace(/ph/g, "f").replace(/th/g, "t").replace(/qu/g, "k")
    .replace(/ck/g, "k").replace(/c(?=[aou])/g, "k").replace(/z/g, "s").replace(/v/g, "b")
    .replace(/y/g, "i").replace(/(.)\1+/g, "$1");
}

// Edits between two words, a swap of neighbours counting as one (optimal string alignment).
export function distance(a, b) {
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j], before[j - 2] + 1);
      }
    }
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

// How many slips a word of this length may have: none below four letters (too many names are
// that close to any short word), one up to eight, two from nine letters on. Tested on slips of
// the chronicle's names and on the words of its texts (tests/test_browser_suggestions.py).
export function allowed(length) {
  return length < 4 ? 0 : length < 9 ? 1 : 2;
}

// Readers rarely slip on a name's first letter, while most real words one letter away from a name
// differ right there (fast, hast, Rest for Kast; drei for Frei).
function near(word, nameWord, slips) {
  if (word[0] !== nameWord[0] || Math.abs(nameWord.length - word.length) > slips) return Infinity;
  return distance(word, nameWord);
}

// A row's address: "" for the name's own, "-2" for that with an ending, or written out.
function address(row) {
  return row[0] === "" || row[0][0] === "-" ? slug(row[1]) + row[0] : row[0];
}

// The rows of namen.json as a flat list: {name, kind, path, words}.
export function entries(names) {
  const list = [];
  Object.keys(names).forEach(function (folder) {
    names[folder].forEach(function (row) {
      row.slice(1).forEach(function (name) {
        list.push({ name: row[1], alias: name, kind: KINDS[folder] || "", path: folder + address(row) + "/",
          words: fold(name).split(" ").filter(Boolean).map(sound) });
      });
    });
  });
  return list;
}

// How close a query comes to one name: words matched within their allowance, and edits spent.
function closeness(queryWords, entry) {
  let matched = 0;
  let edits = 0;
  queryWords.forEach(function (word) {
    const slips = allowed(word.length);
    let best = Infinity;
    entry.words.forEach(function (nameWord) { best = Math.min(best, near(word, nameWord, slips)); });
    if (best <= slips) {
      matched += 1;
      edits += best;
    }
  });
  return { matched: matched, edits: edits };
}

// Up to three names near the query, one per page: those that come as close as the closest
// (as many words matched, no more edits), so that a near miss does not bring a far one along.
export function suggest(query, list) {
  const queryWords = fold(query).split(" ").filter(Boolean).map(sound);
  if (!queryWords.length) return [];
  const scored = [];
  list.forEach(function (entry, order) {
    const score = closeness(queryWords, entry);
    if (score.matched) scored.push({ entry: entry, matched: score.matched, edits: score.edits, order: order });
  });
  scored.sort(function (a, b) { return b.matched - a.matched || a.edits - b.edits || a.order - b.order; });
  const seen = new Set();
  const found = [];
  scored.forEach(function (item) {
    const best = scored[0];
    if (item.matched < best.matched || item.edits > best.edits) return;
    if (found.length >= MAX_SUGGESTIONS || seen.has(item.entry.path)) return;
    seen.add(item.entry.path);
    found.push({ name: item.entry.name, kind: item.entry.kind, path: item.entry.path });
  });
  return found;
}
