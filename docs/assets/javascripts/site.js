/*
 * The site's one script: "Copy link" buttons, full link addresses in print,
 * and the skip link's focus.
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
   * The published address of the page a link points to: the site's address
   * (from the page's strings) plus the link's path below the site's root here
   * (Material's __md_scope). A copy made on a mirror or a preview server
   * still gives the canonical address.
   */
  function canonical(link) {
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
   * Copy link: copies the canonical address of the page the button points to.
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
      await navigator.clipboard.writeText(canonical(link).page)
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
      const { page, hash } = canonical(link)
      link.dataset.printUrl = page + hash
    }
  })
})()
