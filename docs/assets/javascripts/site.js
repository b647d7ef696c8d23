/*
 * The site's one script: "Copy link" buttons, full link addresses in print,
 * and one adjustment to Material's language integration.
 */
(() => {
  /*
   * Material fetches a sitemap beside every <link rel="alternate">, made for
   * alternates that point at a language's home page. This site's alternates
   * point at the same page in each language, as hreflang should, so those
   * sitemaps do not exist (and the addresses are the published ones, which
   * may be another host). The language switcher's links are full page loads
   * that Material leaves alone, so it needs none of them: send each such
   * request to the sitemap of the reader's own language, which Material
   * fetches anyway for instant navigation.
   */
  const base = JSON.parse(document.getElementById("__config").textContent).base
  const sitemap = new URL("sitemap.xml", new URL(`${base}/`, location)).href
  const open = XMLHttpRequest.prototype.open
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const target = new URL(url, location.href).href
    const alternate = [...document.querySelectorAll("link[rel=alternate][hreflang]")]
      .some(link => new URL("sitemap.xml", link.href).href === target)
    return open.call(this, method, alternate ? sitemap : url, ...rest)
  }

  /*
   * The language switcher after an instant navigation: Material replaces the
   * content and the <head> (with the new page's alternates), not the header.
   * Point each language at the page now shown, at this server's address.
   */
  if (typeof document$ !== "undefined")
    document$.subscribe(() => {
      const data = document.querySelector('script[type="application/ld+json"]')
      const site = data && JSON.parse(data.textContent).isPartOf.url
      if (!site || typeof __md_scope === "undefined") return
      for (const link of document.querySelectorAll(".md-select__link[hreflang]")) {
        const alternate = document.head.querySelector(`link[rel=alternate][hreflang="${link.hreflang}"]`)
        if (alternate && alternate.href.startsWith(site))
          link.href = new URL(alternate.href.slice(site.length), __md_scope).href
      }
    })

  /* The page's strings for the copy-link button (see overrides/main.html). */
  const text = key => JSON.parse(document.getElementById("__site").textContent)[key]

  /*
   * The published address of the page a link points to: the site's address
   * (from the page's JSON-LD) plus the link's path below the site's root here
   * (Material's __md_scope). A copy made on a mirror or a preview server
   * still gives the canonical address.
   */
  function canonical(link) {
    const url = new URL(link.href)
    const hash = url.hash
    url.hash = url.search = ""
    const data = document.querySelector('script[type="application/ld+json"]')
    const site = data && JSON.parse(data.textContent).isPartOf.url
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
