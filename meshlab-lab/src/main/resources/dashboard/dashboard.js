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

  // columns by distance from the gateway; the services at one distance stacked in one column
  function columns(graph) {
    const depth = { gateway: 0 };
    const serviceOf = Object.fromEntries(graph.nodes.map((n) => [n.id, n.service]));
    for (let round = 0; round < graph.nodes.length; round++) {
      graph.edges.forEach((e) => {
        const from = serviceOf[e.from], to = serviceOf[e.to];
        if (depth[from] !== undefined && to !== from && (depth[to] === undefined || depth[to] > depth[from] + 1)) {
          depth[to] = depth[from] + 1;
        }
      });
    }
    const groups = {};
    graph.nodes.forEach((n) => {
      (groups[n.service] = groups[n.service] || []).push(n);
    });
    const cols = [];
    Object.keys(groups).sort().forEach((service) => {
      const d = depth[service] ?? 1;
      (cols[d] = cols[d] || []).push({ service, nodes: groups[service].sort((a, b) => a.version.localeCompare(b.version)) });
    });
    return cols.filter(Boolean);
  }

  function drawGraph(graph) {
    const svg = $('graph');
    svg.replaceChildren();
    const cols = columns(graph);
    const width = Math.max(1000, cols.length * 330 + 40);
    const heightOf = (col) => col.reduce((h, g) => h + g.nodes.length * 90 + 60, 0);
    const height = Math.max(260, 30 + Math.max(0, ...cols.map(heightOf)));
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    const at = {};
    cols.forEach((col, i) => {
      const x = 30 + i * 330;
      let y = 20;
      col.forEach((group) => {
        const g = el('g', { class: 'group', 'data-service': group.service });
        g.append(el('rect', { x, y, width: 150, height: group.nodes.length * 90 + 40, rx: 10 }));
        g.append(el('text', { class: 'title', x: x + 10, y: y + 22 }, group.service));
        svg.append(g);
        group.nodes.forEach((n, j) => {
          const cx = x + 40, cy = y + 70 + j * 90;
          at[n.id] = { x: cx, y: cy };
          const node = el('g', { class: 'node', 'data-node': n.id });
          node.append(el('circle', { cx, cy, r: 22 }));
          node.append(el('text', { x: cx + 30, y: cy + 6 }, n.version || n.service));
          svg.append(node);
        });
        y += group.nodes.length * 90 + 60;
      });
    });
    graph.edges.forEach((e) => {
      const a = at[e.from], b = at[e.to];
      if (!a || !b) return;
      const cls = 'edge' + (e.errorShare > 0 ? ' errors' : '') + (e.mirrored ? ' mirrored' : '');
      const bend = e.mirrored ? 40 : 0;
      const x1 = a.x + 22, x2 = b.x - 22;
      const mx = (x1 + x2) / 2, my = (a.y + b.y) / 2 - bend;
      svg.insertBefore(el('path', {
        class: cls, d: `M ${x1} ${a.y} C ${mx} ${a.y - bend} ${mx} ${b.y - bend} ${x2} ${b.y}`,
        'stroke-width': 2 + Math.min(10, e.share / 10),
        'data-from': e.from, 'data-to': e.to, 'data-share': e.share.toFixed(1), 'data-mirrored': e.mirrored
      }), svg.firstChild);
      const label = e.mirrored ? `mirror ${e.perSecond.toFixed(1)}/s`
        : `${e.perSecond.toFixed(1)}/s · ${e.share.toFixed(1)}%` + (e.errorShare > 0 ? ` · ${e.errorShare.toFixed(0)}% err` : '');
      svg.append(el('text', { class: 'edge-label', x: x2 - 150, y: b.y - 10 }, label));
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
      row.dataset.mirrored = e.mirrored;
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

  const NO_ANSWER = 'the lab does not answer: is it up?';

  function noAnswer() {
    $('message').className = 'refused';
    $('message').textContent = NO_ANSWER;
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
        // the lab answers again: a failed poll's message no longer holds (the lab's own answers stay)
        if ($('message').textContent === NO_ANSWER) {
          $('message').className = '';
          $('message').textContent = '';
        }
      }
    } catch (e) {
      noAnswer();
    }
  }

  async function change(path) {
    const message = $('message');
    if (!token()) {
      message.className = 'refused';
      message.textContent = 'no token: open the dashboard URL that scripts/lab up prints (…/#token=…)';
      return;
    }
    let reply;
    let text;
    try {
      reply = await fetch(path, { method: 'POST', headers: { Authorization: 'Bearer ' + token() } });
      text = await reply.text();
    } catch (e) {
      noAnswer();
      return;
    }
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
