/* tickbus monitor dashboard: stats once a second and an instrument peek over the event-bus bridge. */
(function () {
  'use strict';

  var HISTORY_SECONDS = 180;
  var NODE_STALE_MILLIS = 5000;
  var STATS_ADDRESS = 'tickbus.monitor.stats';
  var PEEK_ADDRESS = 'tickbus.monitor.peek';
  var INSTRUMENT = /^[A-Z0-9]{1,16}:[A-Za-z0-9._\/-]{1,47}$/;
  var PALETTE = ['#388bfd', '#3fb950', '#d29922', '#a371f7', '#39c5cf', '#db6d28', '#e3b341', '#f778ba'];
  var STATE_COLORS = { LIVE: '#2ea043', STALE: '#d29922', RECOVERING: '#388bfd', BACKING_OFF: '#db6d28',
    CIRCUIT_OPEN: '#f85149', STOPPED: '#6e7681', STOPPING: '#6e7681', CONNECTING: '#a371f7', END_OF_SESSION: '#6e7681' };

  var eb = null;
  var nodes = new Map();
  var tiles = new Map();
  var samples = { time: [], rates: new Map(), latency: [[], [], [], []] };
  var rateChart = null, latencyChart = null, chartFeeds = '';
  var peek = { instrument: null, address: null, handler: null };

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // ---- connection ----

  function connect() {
    eb = new EventBus('/eventbus', { vertxbus_reconnect_delay_min: 500, vertxbus_reconnect_delay_max: 5000 });
    var authorization = sessionStorage.getItem('tickbus.authorization');
    if (authorization) { eb.defaultHeaders = { authorization: authorization }; }
    eb.enableReconnect(true);
    eb.onopen = function () {
      setConnection(true);
      eb.registerHandler(STATS_ADDRESS, onStats);
      if (peek.address) { watchPeek(peek.address); }
    };
    eb.onclose = function () { setConnection(false); };
    eb.onerror = function (error) {
      if (error && (error.body === 'rejected' || error.message === 'rejected')) { showLogin(); }
    };
  }

  function setConnection(up) {
    var pill = $('connection');
    pill.textContent = up ? 'connected' : 'reconnecting…';
    pill.className = 'pill ' + (up ? 'pill-up' : 'pill-down');
  }

  function showLogin() {
    $('login').classList.remove('hidden');
  }

  $('login-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var secret = $('login-secret').value.trim();
    var basic = secret.indexOf(':') > 0 && secret.indexOf(' ') < 0;
    sessionStorage.setItem('tickbus.authorization', basic ? 'Basic ' + btoa(secret) : 'Bearer ' + secret);
    $('login').classList.add('hidden');
    eb.close();
    connect();
  });

  // ---- stats ----

  function onStats(error, message) {
    if (error || !message || !message.body || !message.body.node) { return; }
    nodes.set(message.body.node.id, { stats: message.body, seenAt: Date.now() });
  }

  function freshNodes() {
    var now = Date.now();
    var fresh = [];
    nodes.forEach(function (entry, id) {
      if (now - entry.seenAt > NODE_STALE_MILLIS * 6) { nodes.delete(id); } else { fresh.push(entry); }
    });
    return fresh;
  }

  function allFeeds(entries) {
    var feeds = [];
    entries.forEach(function (entry) {
      var live = Date.now() - entry.seenAt <= NODE_STALE_MILLIS;
      entry.stats.feeds.forEach(function (feed) { feeds.push({ feed: feed, node: entry.stats.node.id, live: live }); });
    });
    feeds.sort(function (a, b) { return a.feed.source.localeCompare(b.feed.source); });
    return feeds;
  }

  function everySecond() {
    var entries = freshNodes();
    var feeds = allFeeds(entries);
    renderHeader(entries);
    renderTiles(feeds);
    sample(feeds);
    renderCharts(feeds);
    renderGaps(entries);
    renderCluster(entries);
  }

  function renderHeader(entries) {
    var local = entries.length ? entries[0].stats.node : null;
    $('node-id').textContent = local ? shortId(local.id) : '–';
    $('node-members').textContent = local ? local.members : '–';
    $('node-demand').textContent = local ? local.demandCount : '–';
    $('node-pending').textContent = local ? (local.eventBus.pending < 0 ? 'n/a' : local.eventBus.pending) : '–';
    $('node-sockets').textContent = local ? local.bridge.sockets : '–';
  }

  // ---- feed tiles ----

  function renderTiles(feeds) {
    var container = $('tiles');
    if (feeds.length && container.querySelector('.empty')) { container.textContent = ''; }
    var seen = new Set();
    var live = 0;
    feeds.forEach(function (item) {
      var feed = item.feed;
      seen.add(feed.source);
      if (feed.state === 'LIVE') { live++; }
      var tile = tiles.get(feed.source) || createTile(container, feed);
      updateTile(tile, feed, item.live);
    });
    tiles.forEach(function (tile, source) {
      if (!seen.has(source)) { tile.root.remove(); tiles.delete(source); }
    });
    $('feed-summary').textContent = feeds.length ? feeds.length + ' feeds · ' + live + ' live' : '';
  }

  function createTile(container, feed) {
    var root = el('div', 'tile');
    root.dataset.feed = feed.source;
    var top = el('div', 'top');
    var name = el('div');
    name.appendChild(el('div', 'name', feed.source));
    name.appendChild(el('div', 'where', feed.venue + ' · ' + feed.protocol));
    var state = el('span', 'state', feed.state);
    top.appendChild(name);
    top.appendChild(state);
    var rate = el('div', 'rate');
    var value = el('div');
    var number = el('b', null, '0');
    value.appendChild(number);
    value.appendChild(el('small', null, ' msg/s'));
    var canvas = el('canvas');
    canvas.width = 300;
    canvas.height = 72;
    rate.appendChild(value);
    rate.appendChild(canvas);
    var facts = el('dl');
    var fields = {};
    ['bytes/s', 'p99 latency', 'last msg', 'heartbeat', 'reconnects', 'gaps', 'breaker', 'errors'].forEach(function (label) {
      facts.appendChild(el('dt', null, label));
      fields[label] = facts.appendChild(el('dd', null, '–'));
    });
    var reason = el('div', 'reason');
    root.appendChild(top);
    root.appendChild(rate);
    root.appendChild(facts);
    root.appendChild(reason);
    container.appendChild(root);
    var tile = { root: root, state: state, number: number, canvas: canvas, fields: fields, reason: reason, history: [] };
    tiles.set(feed.source, tile);
    return tile;
  }

  function updateTile(tile, feed, fresh) {
    var state = fresh ? feed.state : 'STOPPED';
    tile.root.className = 'tile s-' + state;
    tile.state.textContent = fresh ? state.replace(/_/g, ' ') : 'NO STATS';
    tile.number.textContent = feed.messagesPerSecond == null ? '–' : formatCount(feed.messagesPerSecond);
    tile.fields['bytes/s'].textContent = feed.bytesPerSecond == null ? '–' : formatBytes(feed.bytesPerSecond);
    tile.fields['p99 latency'].textContent = feed.latency.count ? formatMicros(feed.latency.p99Micros) : '–';
    tile.fields['last msg'].textContent = formatAge(feed.lastMessageAgeMillis);
    tile.fields['heartbeat'].textContent = formatAge(feed.lastHeartbeatAgeMillis);
    tile.fields['reconnects'].textContent = feed.reconnects;
    tile.fields['gaps'].textContent = feed.gaps + (feed.gaps ? ' (' + feed.recoveries + ' rec.)' : '');
    tile.fields['breaker'].textContent = feed.breaker.replace(/_/g, ' ').toLowerCase();
    var errors = 0;
    Object.keys(feed.parseErrors).forEach(function (kind) { errors += feed.parseErrors[kind]; });
    tile.fields['errors'].textContent = errors;
    tile.fields['errors'].className = errors ? 'bad' : '';
    tile.reason.textContent = feed.reason;
    tile.reason.title = feed.reason;
    if (feed.messagesPerSecond == null) { return; }
    tile.history.push(feed.messagesPerSecond);
    if (tile.history.length > 60) { tile.history.shift(); }
    drawSparkline(tile.canvas, tile.history, STATE_COLORS[state] || '#6e7681');
  }

  function drawSparkline(canvas, values, color) {
    var g = canvas.getContext('2d');
    var w = canvas.width, h = canvas.height, pad = 4;
    g.clearRect(0, 0, w, h);
    if (values.length < 2) { return; }
    var max = Math.max.apply(null, values) || 1;
    var step = (w - 2 * pad) / (values.length - 1);
    g.beginPath();
    values.forEach(function (v, i) {
      var x = pad + i * step, y = h - pad - (v / max) * (h - 2 * pad);
      if (i === 0) { g.moveTo(x, y); } else { g.lineTo(x, y); }
    });
    g.strokeStyle = color;
    g.lineWidth = 3;
    g.stroke();
    g.lineTo(pad + (values.length - 1) * step, h - pad);
    g.lineTo(pad, h - pad);
    g.closePath();
    g.globalAlpha = 0.18;
    g.fillStyle = color;
    g.fill();
    g.globalAlpha = 1;
  }

  // ---- charts ----

  function sample(feeds) {
    samples.time.push(Math.floor(Date.now() / 1000));
    var worst = [0, 0, 0, 0];
    var present = new Set();
    feeds.forEach(function (item) {
      var feed = item.feed;
      present.add(feed.source);
      if (!samples.rates.has(feed.source)) {
        samples.rates.set(feed.source, samples.time.slice(1).map(function () { return null; }));
      }
      samples.rates.get(feed.source).push(item.live ? feed.messagesPerSecond : null);
      var l = feed.latency;
      if (item.live && l.count) {
        worst = [Math.max(worst[0], l.p50Micros), Math.max(worst[1], l.p99Micros),
          Math.max(worst[2], l.p999Micros), Math.max(worst[3], l.maxMicros)];
      }
    });
    samples.rates.forEach(function (values, source) {
      if (!present.has(source)) { values.push(null); }
    });
    worst.forEach(function (v, i) { samples.latency[i].push(v || null); });
    if (samples.time.length > HISTORY_SECONDS) {
      samples.time.shift();
      samples.rates.forEach(function (values) { values.shift(); });
      samples.latency.forEach(function (values) { values.shift(); });
    }
  }

  function chartSize(id) {
    var box = $(id);
    return { width: Math.max(300, box.clientWidth), height: 230 };
  }

  function axes(unit) {
    var axis = { stroke: '#7d8896', grid: { stroke: '#263040', width: 1 }, ticks: { stroke: '#263040' } };
    var time = Object.assign({}, axis, { space: 80, incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600],
      values: function (u, splits) {
      return splits.map(function (t) { return new Date(t * 1000).toTimeString().substring(0, 8); });
    } });
    return [time, Object.assign({}, axis, { size: 64, label: unit, labelSize: 18 })];
  }

  function renderCharts(feeds) {
    var sources = Array.from(samples.rates.keys()).sort();
    if (!rateChart || sources.join('|') !== chartFeeds) {
      chartFeeds = sources.join('|');
      if (rateChart) { rateChart.destroy(); }
      rateChart = new uPlot({
        width: chartSize('rate-chart').width, height: 230, axes: axes('msg/s'), legend: { live: false },
        scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(10, max * 1.1)]; } } },
        series: [{}].concat(sources.slice().reverse().map(function (source) {
          var color = PALETTE[sources.indexOf(source) % PALETTE.length];
          return { label: source, stroke: color, width: 2, fill: color + '55',
            value: function (u, v, s, idx) { return idx == null ? '–' : formatCount(rawRate(source, idx)); } };
        }))
      }, stackedData(sources), $('rate-chart'));
    } else {
      rateChart.setData(stackedData(sources));
    }
    var totals = stackedData(sources);
    var top = totals.length > 1 ? totals[totals.length - 1] : [];
    var box = $('rate-chart');
    box.dataset.points = String(top.filter(function (v) { return v > 0; }).length);
    box.dataset.last = String(top.length ? top[top.length - 1] || 0 : 0);
    if (!latencyChart) {
      latencyChart = new uPlot({
        width: chartSize('latency-chart').width, height: 230, axes: axes('µs'), legend: { live: false },
        scales: { x: { time: true }, y: { distr: 3 } },
        series: [{}, { label: 'p50', stroke: '#3fb950', width: 2 }, { label: 'p99', stroke: '#d29922', width: 2 },
          { label: 'p99.9', stroke: '#db6d28', width: 2 }, { label: 'max', stroke: '#f85149', width: 1, dash: [4, 4] }]
      }, [samples.time].concat(samples.latency), $('latency-chart'));
    } else {
      latencyChart.setData([samples.time].concat(samples.latency));
    }
    $('latency-chart').dataset.points = String(samples.latency[1].filter(function (v) { return v > 0; }).length);
  }

  function rawRate(source, index) {
    var values = samples.rates.get(source);
    return values ? values[index] || 0 : 0;
  }

  // Series drawn in order, each filled to zero: the last (largest) cumulative sum first keeps every band visible.
  function stackedData(sources) {
    var cumulative = samples.time.map(function () { return null; });
    var stacked = sources.map(function (source) {
      var values = samples.rates.get(source);
      cumulative = cumulative.map(function (sum, i) {
        return sum == null && values[i] == null ? null : (sum || 0) + (values[i] || 0);
      });
      return cumulative.slice();
    });
    return [samples.time.slice()].concat(stacked.reverse());
  }

  // ---- gaps and cluster ----

  function renderGaps(entries) {
    var gaps = [];
    entries.forEach(function (entry) { gaps = gaps.concat(entry.stats.gaps); });
    gaps.sort(function (a, b) { return b.openedMillis - a.openedMillis; });
    var body = $('gaps');
    body.textContent = '';
    if (!gaps.length) {
      var row = body.appendChild(el('tr'));
      var cell = row.appendChild(el('td', 'muted', 'no gaps — sequences intact'));
      cell.colSpan = 5;
      return;
    }
    gaps.slice(0, 12).forEach(function (gap) {
      var row = body.appendChild(el('tr'));
      row.appendChild(el('td', null, new Date(gap.openedMillis).toTimeString().substring(0, 8)));
      row.appendChild(el('td', null, gap.feed));
      row.appendChild(el('td', null, gap.from + ' – ' + gap.to));
      row.appendChild(el('td', null, String(gap.messages)));
      row.appendChild(el('td', gap.recovered ? 'ok' : 'warn', gap.recovered ? gap.recoveryMillis + ' ms' : 'recovering…'));
    });
  }

  function renderCluster(entries) {
    var box = $('cluster');
    box.textContent = '';
    entries.forEach(function (entry) {
      var node = entry.stats.node;
      var card = box.appendChild(el('div', 'node'));
      var head = card.appendChild(el('div'));
      head.appendChild(el('b', null, shortId(node.id)));
      head.appendChild(el('span', 'muted', '  ' + (node.clustered ? node.members + ' members' : 'stand-alone')
        + (node.httpPort > 0 ? ' · http :' + node.httpPort : '') + ' · ' + node.bridge.sockets + ' browsers'
        + (Date.now() - entry.seenAt > NODE_STALE_MILLIS ? ' · silent' : '')));
      var chips = card.appendChild(el('div'));
      entry.stats.feeds.forEach(function (feed) {
        var chip = chips.appendChild(el('span', 'chip', feed.source + ' ' + feed.state.replace(/_/g, ' ')));
        chip.style.setProperty('--c', STATE_COLORS[feed.state] || '#6e7681');
      });
      if (!entry.stats.feeds.length) { chips.appendChild(el('span', 'muted', 'no feeds on this node')); }
      card.appendChild(el('div', 'muted', 'demand ' + node.demandCount + ' instruments · bus pending '
        + node.eventBus.pending + ' · discarded ' + node.eventBus.discarded + ' · conflated to browsers '
        + node.bridge.conflated));
    });
  }

  // ---- instrument peek ----

  $('peek-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var instrument = $('peek-input').value.trim();
    if (!INSTRUMENT.test(instrument)) {
      $('peek-status').textContent = 'expected VENUE:SYMBOL';
      return;
    }
    eb.send(PEEK_ADDRESS, { op: 'peek', instrument: instrument }, function (error, reply) {
      if (error) { $('peek-status').textContent = error.message || 'refused'; return; }
      if (peek.address && peek.handler && eb.state === EventBus.OPEN) {
        eb.unregisterHandler(peek.address, peek.handler);
      }
      peek.instrument = instrument;
      peek.address = reply.body.address;
      renderPeek(reply.body);
      watchPeek(peek.address);
    });
  });

  var searchTimer = null;
  $('peek-input').addEventListener('input', function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () {
      if (!eb || eb.state !== EventBus.OPEN) { return; }
      eb.send(PEEK_ADDRESS, { op: 'search', prefix: $('peek-input').value.trim() }, function (error, reply) {
        if (error) { return; }
        var list = $('peek-known');
        list.textContent = '';
        reply.body.instruments.forEach(function (instrument) { list.appendChild(el('option')).value = instrument; });
      });
    }, 200);
  });

  function watchPeek(address) {
    peek.handler = function (error, message) {
      if (!error && message && message.body) { renderPeek(message.body); }
    };
    eb.registerHandler(address, peek.handler);
  }

  function renderPeek(view) {
    $('peek-instrument').textContent = view.instrument;
    $('peek-status').textContent = view.status ? view.status.state : (view.quote ? 'LIVE' : 'waiting for data');
    var quote = view.quote;
    $('peek-bid').textContent = quote ? quote.bid : '–';
    $('peek-ask').textContent = quote ? quote.ask : '–';
    $('peek-bid-size').textContent = quote ? 'size ' + formatSize(quote.bidSize, quote.sizeScale) : '';
    $('peek-ask-size').textContent = quote ? 'size ' + formatSize(quote.askSize, quote.sizeScale) : '';
    var body = $('peek-trades');
    body.textContent = '';
    (view.trades || []).slice(0, 8).forEach(function (trade) {
      var row = body.appendChild(el('tr'));
      row.appendChild(el('td', null, clock(trade.exchangeTimeNanos)));
      row.appendChild(el('td', null, trade.price));
      row.appendChild(el('td', null, formatSize(trade.size, trade.sizeScale)));
      row.appendChild(el('td', trade.aggressor, trade.aggressor));
    });
  }

  // ---- formatting ----

  function shortId(id) { return id.length > 12 ? id.substring(0, 8) + '…' : id; }
  function clock(nanos) { return new Date(nanos / 1e6).toISOString().substring(11, 23); }
  // Sizes travel as long mantissas at the event's sizeScale; -1 is a size the venue did not give.
  function formatSize(mantissa, scale) {
    if (mantissa < 0) { return 'unknown'; }
    var value = mantissa / Math.pow(10, scale || 0);
    return value >= 1e4 ? formatCount(value) : String(+value.toPrecision(8));
  }
  function formatCount(v) {
    if (v >= 1e6) { return (v / 1e6).toFixed(2) + 'M'; }
    if (v >= 1e4) { return (v / 1e3).toFixed(1) + 'k'; }
    return String(Math.round(v));
  }
  function formatBytes(v) {
    if (v >= 1048576) { return (v / 1048576).toFixed(1) + ' MB'; }
    if (v >= 1024) { return (v / 1024).toFixed(1) + ' KB'; }
    return Math.round(v) + ' B';
  }
  function formatMicros(micros) {
    if (micros >= 1000) { return (micros / 1000).toFixed(micros >= 10000 ? 0 : 1) + ' ms'; }
    return Math.round(micros) + ' µs';
  }
  function formatAge(millis) {
    if (millis < 0) { return 'never'; }
    if (millis < 1000) { return millis + ' ms'; }
    return (millis / 1000).toFixed(1) + ' s';
  }

  connect();
  setInterval(everySecond, 1000);
  window.addEventListener('resize', function () {
    if (rateChart) { rateChart.setSize(chartSize('rate-chart')); }
    if (latencyChart) { latencyChart.setSize(chartSize('latency-chart')); }
  });
}());
