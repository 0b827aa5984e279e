'use strict';
// The lab's dashboard: polls /api/state every second; applies and resets with the lab's token, read
// from the URL fragment (#token=...) that scripts/lab up prints, kept in this tab's sessionStorage.
(function () {
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem('labToken', fragment.get('token'));
    history.replaceState(null, '', location.pathname);
  }
  const token = () => sessionStorage.getItem('labToken') || '';
  const $ = (id) => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';
  let scenariosShown = '';

  function el(name, attrs, text) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function cell(row, text, cls) {
    const td = row.insertCell();
    td.textContent = text;
    if (cls) td.className = cls;
    return td;
  }

  // columns: the gateway, then each service by its distance from the gateway
  function columns(graph) {
    const depth = { gateway: 0 };
    const serviceOf = Object.fromEntries(graph.nodes.map((n) => [n.id, n.service]));
    for (let round = 0; round < graph.nodes.length; round++) {
      graph.edges.forEach((e) => {
        const from = serviceOf[e.from], to = serviceOf[e.to];
        if (depth[from] !== undefined && (depth[to] === undefined || depth[to] > depth[from] + 1) && to !== from) {
          depth[to] = depth[from] + 1;
        }
      });
    }
    const groups = {};
    graph.nodes.forEach((n) => {
      (groups[n.service] = groups[n.service] || []).push(n);
    });
    return Object.keys(groups).sort((a, b) => (depth[a] ?? 99) - (depth[b] ?? 99) || a.localeCompare(b))
      .map((service) => ({ service, nodes: groups[service].sort((a, b) => a.version.localeCompare(b.version)) }));
  }

  function drawGraph(graph) {
    const svg = $('graph');
    svg.replaceChildren();
    const cols = columns(graph);
    const width = Math.max(1200, cols.length * 230 + 40);
    const rows = Math.max(1, ...cols.map((c) => c.nodes.length));
    const height = Math.max(300, rows * 130 + 80);
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    const at = {};
    cols.forEach((col, i) => {
      const x = 30 + i * ((width - 60) / Math.max(1, cols.length)) ;
      const g = el('g', { class: 'group', 'data-service': col.service });
      g.append(el('rect', { x, y: 20, width: 170, height: col.nodes.length * 130 + 30, rx: 10 }));
      g.append(el('text', { class: 'title', x: x + 10, y: 42 }, col.service));
      svg.append(g);
      col.nodes.forEach((n, j) => {
        const cx = x + 40, cy = 95 + j * 130;
        at[n.id] = { x: cx, y: cy };
        const node = el('g', { class: 'node', 'data-node': n.id });
        node.append(el('circle', { cx, cy, r: 22 }));
        node.append(el('text', { x: cx + 30, y: cy + 6 }, n.version || n.service));
        svg.append(node);
      });
    });
    graph.edges.forEach((e) => {
      const a = at[e.from], b = at[e.to];
      if (!a || !b) return;
      const cls = 'edge' + (e.errorShare > 0 ? ' errors' : '') + (e.mirrored ? ' mirrored' : '');
      const bend = e.mirrored ? 40 : 0;
      const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2 - bend;
      svg.insertBefore(el('path', {
        class: cls, d: `M ${a.x + 22} ${a.y} Q ${mx} ${my} ${b.x - 22} ${b.y}`,
        'stroke-width': 2 + Math.min(10, e.share / 10),
        'data-from': e.from, 'data-to': e.to, 'data-share': e.share.toFixed(1), 'data-mirrored': e.mirrored
      }), svg.firstChild);
      const label = e.mirrored ? `mirror ${e.perSecond.toFixed(1)}/s`
        : `${e.perSecond.toFixed(1)}/s · ${e.share.toFixed(1)}%` + (e.errorShare > 0 ? ` · ${e.errorShare.toFixed(0)}% err` : '');
      svg.append(el('text', { class: 'edge-label', x: mx - 50, y: my - 8 }, label));
    });
  }

  function drawEdges(graph) {
    const body = $('edges').tBodies[0];
    body.replaceChildren();
    graph.edges.forEach((e) => {
      const row = body.insertRow();
      row.dataset.from = e.from;
      row.dataset.to = e.to;
      row.dataset.share = e.share.toFixed(1);
      if (e.errorShare > 0) row.className = 'err';
      cell(row, e.from);
      cell(row, e.to + (e.mirrored ? ' (mirrored)' : ''));
      cell(row, e.perSecond.toFixed(1), 'num');
      cell(row, e.mirrored ? '-' : e.share.toFixed(1) + ' %', 'num');
      cell(row, e.errorShare.toFixed(1) + ' %', 'num');
      cell(row, String(e.requests), 'num');
    });
  }

  function drawChains(graph) {
    $('chain-summary').textContent = `(${graph.wholeChains} whole, ${graph.crossedChains} crossed)`;
    const body = $('chains').tBodies[0];
    body.replaceChildren();
    graph.chains.slice(0, 15).forEach((c) => {
      const row = body.insertRow();
      row.dataset.chain = c.chain;
      row.dataset.crossed = c.crossed;
      cell(row, c.chain);
      cell(row, String(c.count), 'num');
      const flag = cell(row, c.crossed ? 'CROSSED' : '');
      if (c.crossed) flag.className = 'crossed';
    });
  }

  function drawRules(state) {
    $('in-force').textContent = 'rules in force: ' + state.inForce;
    const list = $('rules');
    list.replaceChildren(...state.rules.map((r) => {
      const li = document.createElement('li');
      li.textContent = r;
      return li;
    }));
    const names = state.scenarios.join(',');
    if (names !== scenariosShown) {
      scenariosShown = names;
      $('scenario').replaceChildren(...state.scenarios.map((s) => new Option(s, s)));
    }
  }

  async function poll() {
    try {
      const reply = await fetch('/api/state', { cache: 'no-store' });
      if (reply.ok) {
        const state = await reply.json();
        drawRules(state);
        drawGraph(state.graph);
        drawEdges(state.graph);
        drawChains(state.graph);
        document.body.dataset.polled = String(Date.now());
      }
    } catch (e) {
      $('message').textContent = 'the lab does not answer: is it up?';
    }
  }

  async function change(path) {
    const message = $('message');
    if (!token()) {
      message.className = 'refused';
      message.textContent = 'no token: open the dashboard URL that scripts/lab up prints (…/#token=…)';
      return;
    }
    const reply = await fetch(path, { method: 'POST', headers: { Authorization: 'Bearer ' + token() } });
    const text = await reply.text();
    let body;
    try { body = JSON.parse(text); } catch (e) { body = { applied: false, message: text }; }
    message.className = body.applied ? '' : 'refused';
    message.textContent = body.message;
    poll();
  }

  $('picker').addEventListener('submit', (event) => {
    event.preventDefault();
    change('/api/apply?scenario=' + encodeURIComponent($('scenario').value));
  });
  $('reset').addEventListener('click', () => change('/api/reset'));
  poll();
  setInterval(poll, 1000);
}());
