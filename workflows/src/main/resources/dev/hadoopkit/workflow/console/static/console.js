// hadoopkit workflows console: live updates for server-rendered pages. Without this file every page still works
// (forms post, pages reload); with it, the daemon's event stream keeps status badges current and re-fetches the
// page's data-live parts when something of the shown job changes.
(function () {
  'use strict';

  var body = document.body;
  var watchIds = words(body.getAttribute('data-watch'));
  var watchKinds = words(body.getAttribute('data-watch-kinds'));
  var liveState = document.getElementById('live-state');
  var refreshTimer = null;
  var inFlight = false;
  var again = false;
  var pollTimer = null;
  // A burst of events (a catch-up starting 40 actions) becomes one re-fetch, at most one every so often.
  var REFRESH_DELAY_MILLIS = 300;

  function words(text) {
    return (text || '').split(/\s+/).filter(function (w) { return w.length > 0; });
  }

  function statusClass(status) {
    return 'st-' + String(status || 'unknown').toLowerCase().replace(/[^a-z_]/g, '');
  }

  function elementsShowing(id) {
    var out = [];
    var all = document.querySelectorAll('[data-status-of]');
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute('data-status-of') === id) {
        out.push(all[i]);
      }
    }
    return out;
  }

  function showStatus(element, status) {
    var classes = element.className.split(/\s+/).filter(function (c) { return c.indexOf('st-') !== 0; });
    classes.push(statusClass(status));
    element.className = classes.join(' ');
    // grid cells show their number; badges show the status itself
    if (element.classList.contains('badge')) {
      element.textContent = status;
    } else if (element.title) {
      element.title = element.title.replace(/ [A-Z_]+( —|$)/, ' ' + status + '$1');
    }
    element.setAttribute('data-status', status);
  }

  function setLive(on, text) {
    if (liveState) {
      liveState.className = 'live-state ' + (on ? 'on' : 'off');
      liveState.textContent = text;
    }
  }

  function scheduleRefresh() {
    if (refreshTimer !== null) {
      return;
    }
    refreshTimer = setTimeout(function () {
      refreshTimer = null;
      refresh();
    }, REFRESH_DELAY_MILLIS);
  }

  function refresh() {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    fetch(window.location.href, { credentials: 'same-origin', cache: 'no-store', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null) {
          apply(new DOMParser().parseFromString(html, 'text/html'));
        }
      })
      .catch(function () {
        setLive(false, 'offline');
      })
      .then(function () {
        inFlight = false;
        if (again) {
          again = false;
          scheduleRefresh();
        }
      });
  }

  // ---- the DAG's zoom. Without this script the drawing is scaled to the page's width by CSS (its viewBox lets it);
  // with it, buttons above the drawing zoom in and out, fit it whole into the view, or show it at its own size. The
  // zoom outlives the live refreshes that swap in a fresh drawing.
  var ZOOM_STEP = 1.25;
  var dagZoom = null; // null: the CSS default, the page's width

  function dagSvg() {
    return document.querySelector('#dag > svg');
  }

  /** The drawing's own size, from its viewBox. */
  function naturalSize(svg) {
    var box = (svg.getAttribute('viewBox') || '').split(/[\s,]+/).map(Number);
    if (box.length === 4 && box[2] > 0 && box[3] > 0) {
      return { width: box[2], height: box[3] };
    }
    return { width: Number(svg.getAttribute('width')) || 0, height: Number(svg.getAttribute('height')) || 0 };
  }

  function applyZoom() {
    var svg = dagSvg();
    if (!svg) {
      return;
    }
    var dag = document.getElementById('dag');
    if (dagZoom === null) {
      svg.style.width = '';
      svg.style.height = '';
      svg.style.maxWidth = '';
      dag.removeAttribute('data-zoom');
      return;
    }
    var size = naturalSize(svg);
    svg.style.maxWidth = 'none';
    svg.style.width = Math.round(size.width * dagZoom) + 'px';
    svg.style.height = Math.round(size.height * dagZoom) + 'px';
    dag.setAttribute('data-zoom', dagZoom.toFixed(3));
  }

  /** The zoom now shown: the CSS default's is the rendered width over the drawing's own. */
  function currentZoom() {
    var svg = dagSvg();
    if (dagZoom !== null || !svg) {
      return dagZoom === null ? 1 : dagZoom;
    }
    var size = naturalSize(svg);
    return size.width > 0 ? svg.getBoundingClientRect().width / size.width : 1;
  }

  function fitZoom() {
    var svg = dagSvg();
    var dag = document.getElementById('dag');
    var size = naturalSize(svg);
    var style = window.getComputedStyle(dag);
    var padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    var width = dag.clientWidth - padding;
    // the box grows to 80% of the window's height (console.css): the drawing fits when it needs no scrolling there;
    // a small drawing is not blown up beyond its own size
    var height = window.innerHeight * 0.8 - padding - 2;
    return Math.max(0.05, Math.min(width / size.width, height / size.height, 1));
  }

  function zoomTo(zoom) {
    dagZoom = Math.max(0.05, Math.min(8, zoom));
    applyZoom();
  }

  function dagTools() {
    var dag = document.getElementById('dag');
    if (!dag || !dagSvg() || document.getElementById('dag-tools')) {
      return;
    }
    var tools = document.createElement('div');
    tools.id = 'dag-tools';
    tools.className = 'dag-tools';
    tools.setAttribute('role', 'toolbar');
    tools.setAttribute('aria-label', 'Graph zoom');
    [['dag-zoom-out', '\u2212', 'Zoom out', function () { zoomTo(currentZoom() / ZOOM_STEP); }],
      ['dag-zoom-in', '+', 'Zoom in', function () { zoomTo(currentZoom() * ZOOM_STEP); }],
      ['dag-fit', 'Fit', 'Fit the whole graph into view', function () { zoomTo(fitZoom()); }],
      ['dag-actual', '1:1', 'Actual size', function () { zoomTo(1); }],
      ['dag-width', 'Width', 'Fit the page width', function () { dagZoom = null; applyZoom(); }]]
      .forEach(function (spec) {
        var button = document.createElement('button');
        button.type = 'button';
        button.id = spec[0];
        button.textContent = spec[1];
        button.title = spec[2];
        button.setAttribute('aria-label', spec[2]);
        button.addEventListener('click', spec[3]);
        tools.appendChild(button);
      });
    dag.parentNode.insertBefore(tools, dag);
  }

  dagTools();

  /** Swaps in the fresh data-live parts, keeping what the user ticked or opened there. */
  function apply(fresh) {
    var parts = document.querySelectorAll('[data-live][id]');
    for (var i = 0; i < parts.length; i++) {
      var old = parts[i];
      var replacement = fresh.getElementById(old.id);
      if (!replacement) {
        continue;
      }
      var ticked = {};
      old.querySelectorAll('input[type=checkbox]').forEach(function (box) {
        ticked[box.name + '=' + box.value] = box.checked;
      });
      var opened = {};
      old.querySelectorAll('details[id]').forEach(function (d) { opened[d.id] = d.open; });
      var scrollLeft = old.scrollLeft;
      var scrollTop = old.scrollTop;
      var node = document.importNode(replacement, true);
      node.querySelectorAll('input[type=checkbox]').forEach(function (box) {
        var key = box.name + '=' + box.value;
        if (Object.prototype.hasOwnProperty.call(ticked, key)) {
          box.checked = ticked[key];
        }
      });
      node.querySelectorAll('details[id]').forEach(function (d) {
        if (Object.prototype.hasOwnProperty.call(opened, d.id)) {
          d.open = opened[d.id];
        }
      });
      old.replaceWith(node);
      // a zoomed-in drawing stays where the user scrolled it
      node.scrollLeft = scrollLeft;
      node.scrollTop = scrollTop;
    }
    dagTools(); // a drawing may have appeared (the page had none yet)
    applyZoom();
    // badges outside the live parts (the page title's) follow the fresh page too
    fresh.querySelectorAll('[data-status-of]').forEach(function (el) {
      elementsShowing(el.getAttribute('data-status-of')).forEach(function (mine) {
        showStatus(mine, el.getAttribute('data-status'));
      });
    });
    if (!fresh.body.hasAttribute('data-poll') && pollTimer !== null) {
      clearInterval(pollTimer); // the run has ended: nothing moves any more
      pollTimer = null;
    }
    body.setAttribute('data-refreshes', String(Number(body.getAttribute('data-refreshes') || '0') + 1));
  }

  function onEvent(event) {
    var shown = elementsShowing(event.id);
    shown.forEach(function (el) { showStatus(el, event.status); });
    body.setAttribute('data-events', String(Number(body.getAttribute('data-events') || '0') + 1));
    var mine = watchIds.indexOf(event.id) >= 0 || watchIds.indexOf(event.jobId) >= 0
      || (event.message && watchIds.indexOf(event.message) >= 0);
    var newJob = watchKinds.indexOf(event.kind) >= 0 && shown.length === 0;
    if (mine || newJob) {
      scheduleRefresh();
    }
  }

  if (window.EventSource) {
    var source = new EventSource('/oozie/v2/events');
    source.onopen = function () {
      setLive(true, 'live');
      // Events between the server rendering this page and the stream connecting (or while it reconnected) are
      // not replayed: look once more now that nothing can be missed.
      if (watchIds.length > 0 || watchKinds.length > 0) {
        scheduleRefresh();
      }
    };
    source.onerror = function () {
      setLive(false, 'reconnecting');
    };
    source.onmessage = function (message) {
      var event;
      try {
        event = JSON.parse(message.data);
      } catch (e) {
        return;
      }
      onEvent(event);
    };
    window.addEventListener('pagehide', function () { source.close(); });
  }

  var poll = Number(body.getAttribute('data-poll') || '0');
  if (poll > 0) {
    pollTimer = setInterval(scheduleRefresh, poll);
  }
})();
