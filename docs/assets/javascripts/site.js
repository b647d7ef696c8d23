/*
 * The site's one script: "Copy link" buttons, full link addresses in print,
 * the skip link's focus, and search in either Chinese script.
 */
(() => {
  /*
   * The skip link: the keyboard's place goes to the content it leads to.
   * Without JavaScript it is a plain link to a focusable target (see
   * overrides/hooks/markup.py), and the browser moves focus there. With it,
   * Material's scripts react to the new address and can drop focus to the
   * page's body, which sends the next Tab back to the header: so the link
   * sets the address itself, quietly, and focuses its target.
   */
  document.addEventListener("click", event => {
    const skip = event.target instanceof Element && event.target.closest("a.md-skip")
    const target = skip && document.getElementById(decodeURIComponent(skip.hash.slice(1)))
    if (!target || event.metaKey || event.ctrlKey || event.shiftKey) return
    event.preventDefault()
    history.pushState(null, "", skip.hash)
    target.focus()
  })

  /* The page's strings for the copy-link button (see overrides/main.html). */
  const text = key => JSON.parse(document.getElementById("__site").textContent)[key]

  /*
   * The published address of the page a link points to: the address this
   * build was made for (from the page's strings: on a mirror, the mirror's)
   * plus the link's path below the site's root here (Material's __md_scope).
   * A copy made on a preview server still gives the published address.
   */
  function published(link) {
    const url = new URL(link.href)
    const hash = url.hash
    url.hash = url.search = ""
    const site = text("site")
    const scope = typeof __md_scope !== "undefined" && __md_scope.pathname
    if (!site || !scope || url.origin !== location.origin || !url.pathname.startsWith(scope)) {
      return { page: url.href, hash }
    }
    return { page: new URL(url.pathname.slice(scope.length), site).href, hash }
  }

  /*
   * Copy link: copies the published address of the page the button points to.
   * Without JavaScript (or a clipboard) the button stays a plain link to that
   * page. One listener on the document, in the capture phase, so that it runs
   * before Material's instant navigation and survives it.
   */
  const status = document.createElement("span")
  status.className = "visually-hidden"
  status.setAttribute("role", "status")

  document.addEventListener("click", async event => {
    const link = event.target instanceof Element && event.target.closest("a.copy-link")
    if (!link || !navigator.clipboard || event.metaKey || event.ctrlKey || event.shiftKey) return
    event.preventDefault()
    event.stopPropagation()
    if (!status.isConnected) document.body.append(status)
    const label = link.dataset.label || link.textContent
    link.dataset.label = label
    try {
      await navigator.clipboard.writeText(published(link).page)
      link.textContent = text("copied")
      status.textContent = text("copiedStatus")
    } catch {
      link.textContent = text("failed")
      status.textContent = text("failedStatus")
    }
    setTimeout(() => {
      link.textContent = label
      status.textContent = ""
    }, 2000)
  }, true)

  /*
   * Print: show each link's full address after it (see the print styles;
   * external links show theirs without JavaScript too).
   */
  window.addEventListener("beforeprint", () => {
    for (const link of document.querySelectorAll(".md-content a[href]:not(.headerlink)")) {
      if (link.getAttribute("href").startsWith("#")) continue
      const { page, hash } = published(link)
      link.dataset.printUrl = page + hash
    }
  })

  /*
   * Search in either Chinese script: on a Chinese edition, a query typed
   * with the other script's input method (維吾爾 on the Simplified pages,
   * 网络 on the Traditional ones) becomes this edition's as it is typed, by
   * the table the build writes beside the edition's search index
   * (overrides/hooks/search.py), fetched when the reader first types.
   */
  let table = null
  let loading = null

  function convert(text) {
    let out = ""
    for (let i = 0; i < text.length; ) {
      let word = null
      for (let n = Math.min(table.longest, text.length - i); n >= 1 && !word; n--) {
        if (Object.hasOwn(table.words, text.substr(i, n))) word = text.substr(i, n)
      }
      out += word ? table.words[word] : table.chars[text[i]] || text[i]
      i += word ? word.length : 1
    }
    return out
  }

  function update(field) {
    const converted = convert(field.value)
    if (converted === field.value) return false
    field.value = converted
    return true
  }

  /*
   * Not while an input method is still composing (Zhuyin, Cangjie, Pinyin):
   * the query is converted once its characters are chosen, and searched
   * again then, as a candidate picked by touch sends no key.
   */
  let composing = false
  document.addEventListener("compositionstart", () => { composing = true }, true)
  document.addEventListener("compositionend", event => {
    composing = false
    search(event.target, true)
  }, true)
  document.addEventListener("input", event => {
    if (!event.isComposing && !composing) search(event.target, false)
  }, true)

  // Material searches on a key's release: the converted query is searched by sending one.
  function searchAgain(field) {
    field.dispatchEvent(new KeyboardEvent("keyup"))
  }

  function search(field, chosen) {
    if (!(field instanceof HTMLInputElement) || !field.matches(".md-search__input")) return
    if (!document.documentElement.lang.startsWith("zh")) return
    if (table) {
      if (update(field) || chosen) searchAgain(field)
      return
    }
    if (loading) return
    const base = JSON.parse(document.getElementById("__config").textContent).base
    loading = fetch(new URL(`${base}/search/script.json`, location.href))
      .then(response => response.json())
      .then(data => {
        table = { chars: data.chars, words: {}, longest: 1 }
        // Each word also as it reads once its characters are converted, as
        // they are while the reader types one character at a time (a
        // character that is a word of its own converted as that word).
        const one = char => data.words[char] || data.chars[char] || char
        for (const [typed, written] of Object.entries(data.words)) {
          table.words[typed] = written
          table.words[[...typed].map(char => data.chars[char] || char).join("")] = written
          table.words[[...typed].map(one).join("")] = written
          table.longest = Math.max(table.longest, typed.length)
        }
        if (!composing && update(field)) searchAgain(field)
      })
      .catch(() => { loading = null })
  }
})()
