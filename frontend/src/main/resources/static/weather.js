'use strict';

// The weather page. Everything a server or a cookie says is written with textContent, never
// parsed as HTML, so injected markup stays text.
(() => {
  const byId = (id) => document.getElementById(id);

  const show = (id, value) => {
    byId(id).textContent = (value === undefined || value === null) ? '' : String(value);
  };

  const element = (tag, className, value) => {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (value !== undefined) {
      node.textContent = String(value);
    }
    return node;
  };

  const currentUser = () => {
    const entry = document.cookie.split(';').map((part) => part.trim()).find((part) => part.startsWith('user='));
    return entry ? entry.substring('user='.length) : '';
  };

  const hopsOf = (report) => {
    const hops = [];
    for (let hop = report; hop; hop = hop.downstream) {
      hops.push(hop);
    }
    return hops;
  };

  const problemText = (problem, status) => {
    const detail = (problem && typeof problem.detail === 'string') ? problem.detail : 'request failed';
    const chain = (problem && typeof problem.chain === 'string') ? ' (' + problem.chain + ')' : '';
    return status + ': ' + detail + chain;
  };

  const request = async (url, options) => {
    const response = await fetch(url, Object.assign({ headers: { Accept: 'application/json' } }, options));
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      throw new Error(problemText(body, response.status));
    }
    return body;
  };

  const renderDetails = (hop) => {
    const details = element('dl', 'hop-details');
    const rows = [['pod', hop.pod], ['region', hop.region], ['zone', hop.zone]];
    Object.entries(hop.received || {}).forEach(([name, value]) => rows.push(['received ' + name, value]));
    rows.filter(([, value]) => value).forEach(([name, value]) => {
      details.append(element('dt', null, name), element('dd', null, value));
    });
    return details;
  };

  const renderChain = (report) => {
    show('chain', report.chain);
    show('trace-id', report.traceId);
    const list = byId('hops');
    list.replaceChildren();
    hopsOf(report).forEach((hop) => {
      const item = element('li');
      item.dataset.service = String(hop.service);
      item.append(element('span', 'hop-service', hop.service), ' ',
        element('span', 'hop-version', hop.version), renderDetails(hop));
      list.append(item);
    });
  };

  const renderForecast = (report) => {
    const hops = hopsOf(report);
    const forecast = hops.find((hop) => hop.service === 'forecast');
    const advice = hops.find((hop) => hop.service === 'recommendation');
    const data = (forecast && forecast.data) || {};
    show('forecast-city', data.name);
    show('forecast-weather', data.weather);
    show('forecast-high', data.highC);
    show('forecast-low', data.lowC);
    byId('forecast').hidden = !forecast;
    const items = (advice && advice.data && Array.isArray(advice.data.items)) ? advice.data.items : [];
    byId('recommendation-list').replaceChildren(...items.map((item) => element('li', null, item)));
    byId('recommendations').hidden = items.length === 0;
  };

  /** After a failure, no earlier chain or forecast stays on screen to mislead. */
  const clearReport = () => {
    show('chain', '');
    show('trace-id', '');
    byId('hops').replaceChildren();
    byId('forecast').hidden = true;
    byId('recommendations').hidden = true;
  };

  const renderSession = () => {
    const user = currentUser();
    byId('sign-in-form').hidden = user !== '';
    byId('signed-in').hidden = user === '';
    show('signed-in-as', user);
  };

  const renderSettings = (report) => {
    const settings = report.data || {};
    document.documentElement.style.setProperty('--forecast-button', String(settings.buttonColor || ''));
    const cities = Array.isArray(settings.cities) ? settings.cities : [];
    byId('city').replaceChildren(...cities.map((city) => {
      const option = element('option', null, city.name);
      option.value = String(city.id);
      return option;
    }));
    renderChain(report);
  };

  const changeSession = async (options) => {
    show('session-error', '');
    try {
      await request('/api/session', options);
      window.location.reload();
    } catch (failure) {
      show('session-error', failure.message);
    }
  };

  byId('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    changeSession({
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: byId('user-name').value.trim() }),
    });
  });

  byId('sign-out').addEventListener('click', () => changeSession({ method: 'DELETE' }));

  byId('forecast-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    show('forecast-error', '');
    try {
      const report = await request('/api/forecast?city=' + encodeURIComponent(byId('city').value));
      renderChain(report);
      renderForecast(report);
    } catch (failure) {
      clearReport();
      show('forecast-error', failure.message);
    }
  });

  renderSession();
  request('/api/ui').then(renderSettings).catch((failure) => show('forecast-error', failure.message));
})();
