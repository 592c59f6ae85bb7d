/*
 * The graph explorer: plain browser JavaScript over the public GraphQL API (POST /graphql with
 * content-type application/json, which passes Apollo's CSRF check) and Cytoscape.js, served
 * from the project's own node_modules. No bundler, no framework.
 *
 * State lives in the URL hash (#entity=ID or #story=ID), so the back button and shared links
 * work: search and node clicks only change the hash, and one hashchange handler loads, expands
 * and describes whatever it names. Text from the graph is always set with textContent, never as
 * HTML.
 */
(function () {
  'use strict';

  var GRAPHQL_URL = '/graphql';
  var STORIES_PER_ENTITY = 6;
  var SEARCH_DEBOUNCE_MS = 200;

  var COLOURS = {
    PERSON: '#e07b39',
    ORGANISATION: '#3b7dd8',
    PLACE: '#2e9e5b',
    PROGRAMME: '#9b59b6',
    STORY: '#8a8f98',
  };
  var KIND_NAMES = { PERSON: 'Person', ORGANISATION: 'Organisation', PLACE: 'Place', PROGRAMME: 'Programme', STORY: 'Story' };

  // ---------------------------------------------------------------- GraphQL

  var REF = 'id name label';
  var EVIDENCE = 'evidence { sentence story { id headline date } }';
  var POSITION = 'title ' + EVIDENCE;
  var RUN = 'agency { ' + REF + ' } programme { ' + REF + ' } places { ' + REF + ' } ' + EVIDENCE;

  var ENTITY_QUERY = [
    'query ExplorerEntity($id: ID!, $ref: String!, $stories: Int) {',
    '  node(id: $id) {',
    '    id name label aliases',
    '    stories(first: $stories) { id headline date }',
    '    ... on Place { level code parent { ' + REF + ' } ancestors { id name } children { ' + REF + ' }',
    '      programmes { ' + REF + ' } runs { ' + REF + ' } organisations { ' + REF + ' }',
    '      people { person { ' + REF + ' } ' + POSITION + ' } }',
    '    ... on Organisation { type programmes { ' + REF + ' } places { ' + REF + ' }',
    '      people { person { ' + REF + ' } ' + POSITION + ' } }',
    '    ... on Programme { kind targets runBy { ' + REF + ' } places { ' + REF + ' } }',
    '    ... on Person { positions { at { ' + REF + ' } ' + POSITION + ' } credits { role story { id headline date } } }',
    '  }',
    '  asAgency: programmeRuns(where: { agency: $ref }) { ' + RUN + ' }',
    '  inPlace: programmeRuns(where: { place: $ref }) { ' + RUN + ' }',
    '}',
  ].join('\n');

  var STORY_QUERY = [
    'query ExplorerStory($id: ID!) {',
    '  story(id: $id) {',
    '    id headline kicker subtitle section date body',
    '    credits { role person { ' + REF + ' } }',
    '    mentions { ' + REF + ' }',
    '  }',
    '}',
  ].join('\n');

  var SEARCH_QUERY = 'query ExplorerSearch($text: String!) { search(text: $text, first: 12) { id name label aliases } }';

  /** Posts one operation; resolves with `data`, rejects with the GraphQL error messages. */
  function graphql(query, variables) {
    return fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: query, variables: variables }),
    })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        if (body.errors && body.errors.length) throw new Error(body.errors.map(function (e) { return e.message; }).join('; '));
        return body.data;
      });
  }

  /** Runs of a programme: programmeRuns filters by agency, so ask once per agency (one request, aliased fields). */
  function programmeRunsOf(programme) {
    var agencies = (programme.runBy || []).slice(0, 8);
    if (agencies.length === 0) return Promise.resolve([]);
    var params = agencies.map(function (_, i) { return '$a' + i + ': String!'; }).join(', ');
    var fields = agencies.map(function (_, i) { return 'r' + i + ': programmeRuns(where: { agency: $a' + i + ' }) { ' + RUN + ' }'; }).join('\n');
    var variables = {};
    agencies.forEach(function (agency, i) { variables['a' + i] = agency.id; });
    return graphql('query ExplorerProgrammeRuns(' + params + ') {\n' + fields + '\n}', variables).then(function (data) {
      var runs = [];
      Object.keys(data).forEach(function (key) {
        data[key].forEach(function (run) { if (run.programme.id === programme.id) runs.push(run); });
      });
      return runs;
    });
  }

  // ---------------------------------------------------------------- the graph

  var cy = cytoscape({
    container: document.getElementById('graph'),
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(short)',
          'background-color': 'data(colour)',
          color: '#1f2328',
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'ellipsis',
          'text-max-width': 120,
          width: 26,
          height: 26,
          'border-width': 2,
          'border-color': '#fff',
        },
      },
      { selector: 'node[kind = "STORY"]', style: { shape: 'round-rectangle', width: 20, height: 16, 'font-size': 9, color: '#636c76' } },
      { selector: 'node.expanded', style: { width: 34, height: 34, 'font-weight': 'bold' } },
      { selector: 'node:selected', style: { 'border-color': '#f2b705', 'border-width': 4 } },
      {
        selector: 'edge',
        style: {
          width: 1.4,
          'line-color': '#b6bec8',
          'target-arrow-color': '#b6bec8',
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.8,
          'curve-style': 'bezier',
          label: 'data(type)',
          'font-size': 7,
          color: '#8a8f98',
          'text-rotation': 'autorotate',
          'text-background-color': '#fff',
          'text-background-opacity': 0.8,
        },
      },
      { selector: 'edge[type = "MENTIONS"]', style: { 'line-style': 'dashed', label: '' } },
    ],
  });

  function shortLabel(text) {
    return text.length > 14 ? text.slice(0, 13) + '…' : text;
  }

  /** Adds a node unless present; `item` is an entity ref or a story ({id, headline}). */
  function addNode(item) {
    var kind = item.label || 'STORY';
    var name = item.name || item.headline || item.id;
    var existing = cy.getElementById(item.id);
    if (existing.nonempty()) return existing;
    return cy.add({ group: 'nodes', data: { id: item.id, kind: kind, name: name, short: shortLabel(name), colour: COLOURS[kind] || '#999' } });
  }

  function addEdge(source, type, target) {
    var id = source + '|' + type + '|' + target;
    if (cy.getElementById(id).nonempty()) return;
    cy.add({ group: 'edges', data: { id: id, source: source, target: target, type: type } });
  }

  /** Connects `centre` to each item with `type`; `outgoing` says which way the stored relationship points. */
  function link(centre, items, type, outgoing) {
    (items || []).forEach(function (item) {
      if (!item) return;
      addNode(item);
      if (outgoing) addEdge(centre, type, item.id);
      else addEdge(item.id, type, centre);
    });
  }

  function layout(focusId) {
    var focus = cy.getElementById(focusId);
    cy.layout({
      name: 'cose',
      animate: false,
      randomize: false,
      fit: true,
      padding: 40,
      nodeRepulsion: function () { return 40000; },
      nodeOverlap: 40,
      idealEdgeLength: function () { return 120; },
      edgeElasticity: function () { return 80; },
      gravity: 0.6,
      numIter: 1500,
    }).run();
    if (focus.nonempty()) {
      cy.$(':selected').unselect();
      focus.select();
    }
  }

  /** Draws an entity's neighbourhood around it (new nodes start beside it, so the layout moves little). */
  function expandEntity(node) {
    var centre = addNode(node);
    var position = centre.position();
    var before = cy.nodes().length;
    var id = node.id;
    link(id, node.stories, 'MENTIONS', false);
    switch (node.label) {
      case 'PLACE':
        link(id, node.parent ? [node.parent] : [], 'PART_OF', true);
        link(id, node.children, 'PART_OF', false);
        link(id, node.programmes, 'HELD_IN', false);
        link(id, node.runs, 'RUNS', true);
        link(id, node.organisations, 'BASED_IN', false);
        link(id, (node.people || []).map(function (p) { return p.person; }), 'HOLDS_POSITION', false);
        break;
      case 'ORGANISATION':
        link(id, node.programmes, 'RUNS', true);
        link(id, node.places, 'BASED_IN', true);
        link(id, (node.people || []).map(function (p) { return p.person; }), 'HOLDS_POSITION', false);
        break;
      case 'PROGRAMME':
        link(id, node.runBy, 'RUNS', false);
        link(id, node.places, 'HELD_IN', true);
        break;
      case 'PERSON':
        link(id, (node.positions || []).map(function (p) { return p.at; }), 'HOLDS_POSITION', true);
        link(id, (node.credits || []).map(function (c) { return c.story; }), 'REPORTED', true);
        break;
    }
    cy.nodes().forEach(function (n, i) {
      if (i >= before) n.position({ x: position.x + 150 * Math.cos(i), y: position.y + 150 * Math.sin(i) });
    });
    centre.addClass('expanded');
    layout(id);
  }

  function expandStory(story) {
    addNode(story).addClass('expanded');
    link(story.id, story.mentions, 'MENTIONS', true);
    link(story.id, (story.credits || []).map(function (c) { return c.person; }), 'REPORTED', false);
    layout(story.id);
  }

  cy.on('tap', 'node', function (event) {
    var data = event.target.data();
    navigate(data.kind === 'STORY' ? 'story' : 'entity', data.id);
  });

  // ---------------------------------------------------------------- the side panel

  var panel = document.getElementById('panel');
  var statusLine = document.getElementById('status');
  var highlight = null;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else if (key === 'class') node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function hashFor(kind, id) {
    return '#' + kind + '=' + encodeURIComponent(id);
  }

  function entityLink(entity) {
    return el('a', { href: hashFor('entity', entity.id), text: entity.name, title: KIND_NAMES[entity.label] || '' });
  }

  function storyLink(story, sentence) {
    var a = el('a', { href: hashFor('story', story.id), text: story.headline });
    // Remember the sentence, so the story view can mark it.
    if (sentence) a.addEventListener('click', function () { highlight = sentence; });
    return a;
  }

  function badge(kind) {
    var span = el('span', { class: 'badge', text: KIND_NAMES[kind] || kind });
    span.style.background = COLOURS[kind] || '#999';
    return span;
  }

  function facts(rows) {
    var dl = el('dl', { class: 'facts' });
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === '' || (Array.isArray(row[1]) && row[1].length === 0)) return;
      dl.appendChild(el('dt', { text: row[0] }));
      var dd = el('dd');
      if (row[1] instanceof Node) dd.appendChild(row[1]);
      else dd.textContent = Array.isArray(row[1]) ? row[1].join('、') : String(row[1]);
      dl.appendChild(dd);
    });
    return dl;
  }

  function chips(entities) {
    return el('ul', { class: 'chips' }, (entities || []).map(function (e) { return el('li', {}, [entityLink(e)]); }));
  }

  function evidenceItem(fact, evidence) {
    var quotes = (evidence || []).filter(function (e) { return e && e.sentence; });
    return el('li', {}, [fact].concat(quotes.map(function (e) {
      return el('div', {}, [
        el('blockquote', { class: 'sentence', text: e.sentence }),
        el('div', { class: 'source' }, [document.createTextNode('— '), storyLink(e.story, e.sentence), document.createTextNode(e.story.date ? ' (' + e.story.date + ')' : '')]),
      ]);
    })));
  }

  function runFact(run) {
    var span = el('span', { class: 'fact' }, [entityLink(run.agency), document.createTextNode(' ran '), entityLink(run.programme)]);
    if (run.places.length) {
      span.appendChild(document.createTextNode(' in '));
      run.places.forEach(function (place, i) {
        if (i) span.appendChild(document.createTextNode('、'));
        span.appendChild(entityLink(place));
      });
    }
    return span;
  }

  function positionFact(person, title, at) {
    return el('span', { class: 'fact' }, [entityLink(person), document.createTextNode('，' + title + '，'), entityLink(at)]);
  }

  function uniqueRuns(runs) {
    var seen = {};
    return runs.filter(function (run) {
      var key = run.agency.id + '|' + run.programme.id;
      if (seen[key]) return false;
      seen[key] = true;
      return true;
    });
  }

  function renderEntity(node, runs) {
    var children = [el('h2', { text: node.name }), badge(node.label)];
    var rows = [['Aliases', node.aliases]];
    if (node.label === 'PLACE') {
      rows.push(['Level', node.level], ['Code', node.code]);
      if (node.ancestors && node.ancestors.length) {
        var chain = el('span');
        node.ancestors.forEach(function (a, i) {
          if (i) chain.appendChild(document.createTextNode(' › '));
          chain.appendChild(entityLink({ id: a.id, name: a.name, label: 'PLACE' }));
        });
        rows.push(['Part of', chain]);
      }
    }
    if (node.label === 'ORGANISATION') rows.push(['Type', node.type]);
    if (node.label === 'PROGRAMME') rows.push(['Kind', node.kind], ['Serves', node.targets]);
    children.push(facts(rows));

    var evidence = [];
    uniqueRuns(runs).forEach(function (run) { evidence.push(evidenceItem(runFact(run), run.evidence)); });
    (node.people || []).forEach(function (p) { evidence.push(evidenceItem(positionFact(p.person, p.title, node), [p.evidence])); });
    (node.positions || []).forEach(function (p) { evidence.push(evidenceItem(positionFact(node, p.title, p.at), [p.evidence])); });
    children.push(el('h3', { text: 'What the paper says' }));
    children.push(evidence.length ? el('ul', { class: 'evidence' }, evidence) : el('p', { class: 'hint', text: 'No stated facts yet; see the stories below.' }));

    var groups = [
      ['Parent', node.parent ? [node.parent] : []],
      ['Streets, communities and estates', node.children],
      ['Programmes held here', node.programmes],
      ['Programmes run', node.label === 'PLACE' ? node.runs : node.label === 'ORGANISATION' ? node.programmes : []],
      ['Organisations based here', node.organisations],
      ['Based in', node.label === 'ORGANISATION' ? node.places : []],
      ['Run by', node.runBy],
      ['Held in', node.label === 'PROGRAMME' ? node.places : []],
    ];
    groups.forEach(function (group) {
      if (group[1] && group[1].length) children.push(el('h3', { text: group[0] }), chips(group[1]));
    });
    if (node.credits && node.credits.length) {
      children.push(el('h3', { text: 'Reported' }));
      children.push(el('ul', { class: 'stories' }, node.credits.map(function (c) {
        return el('li', {}, [storyLink(c.story), document.createTextNode(' · ' + c.role)]);
      })));
    }
    if (node.stories && node.stories.length) {
      children.push(el('h3', { text: 'Stories that name it' }));
      children.push(el('ul', { class: 'stories' }, node.stories.map(function (s) {
        return el('li', {}, [storyLink(s), document.createTextNode(s.date ? ' · ' + s.date : '')]);
      })));
    }
    panel.replaceChildren.apply(panel, children);
    panel.scrollTop = 0;
  }

  function storyBody(body, mark) {
    return el('div', { class: 'story-body' }, body.split(/\n+/).map(function (paragraph) {
      var p = el('p');
      var at = mark ? paragraph.indexOf(mark) : -1;
      if (at < 0) {
        p.textContent = paragraph;
      } else {
        p.appendChild(document.createTextNode(paragraph.slice(0, at)));
        p.appendChild(el('mark', { text: mark }));
        p.appendChild(document.createTextNode(paragraph.slice(at + mark.length)));
      }
      return p;
    }));
  }

  function renderStory(story) {
    var children = [];
    if (story.kicker) children.push(el('div', { class: 'hint', text: story.kicker }));
    children.push(el('h2', { text: story.headline }), badge('STORY'));
    if (story.subtitle) children.push(el('div', { text: story.subtitle }));
    children.push(facts([
      ['Date', story.date],
      ['Section', story.section],
      ['Byline', story.credits.map(function (c) { return c.person.name + '（' + c.role + '）'; })],
    ]));
    if (story.mentions.length) children.push(el('h3', { text: 'Names' }), chips(story.mentions));
    children.push(el('h3', { text: 'Story' }), storyBody(story.body, highlight));
    highlight = null;
    panel.replaceChildren.apply(panel, children);
    panel.scrollTop = 0;
    var marked = panel.querySelector('mark');
    if (marked) marked.scrollIntoView({ block: 'center' });
  }

  // ---------------------------------------------------------------- navigation

  function setStatus(text, isError) {
    statusLine.textContent = text;
    statusLine.className = isError ? 'error' : '';
  }

  function navigate(kind, id) {
    var hash = hashFor(kind, id);
    if (location.hash === hash) route();
    else location.hash = hash;
  }

  function showEntity(id) {
    setStatus('Loading…');
    return graphql(ENTITY_QUERY, { id: id, ref: id, stories: STORIES_PER_ENTITY })
      .then(function (data) {
        var node = data.node;
        if (!node) throw new Error('No entity has the id ' + id);
        var runs = data.asAgency.concat(data.inPlace);
        return (node.label === 'PROGRAMME' ? programmeRunsOf(node) : Promise.resolve([])).then(function (more) {
          expandEntity(node);
          renderEntity(node, runs.concat(more));
          setStatus(node.name + ': ' + cy.nodes().length + ' nodes on the graph. Click a node to expand it.');
        });
      });
  }

  function showStory(id) {
    setStatus('Loading…');
    return graphql(STORY_QUERY, { id: id }).then(function (data) {
      if (!data.story) throw new Error('No story has the id ' + id);
      expandStory(data.story);
      renderStory(data.story);
      setStatus(data.story.headline);
    });
  }

  function route() {
    var match = /^#(entity|story)=(.+)$/.exec(location.hash);
    if (!match) return;
    var id = decodeURIComponent(match[2]);
    (match[1] === 'story' ? showStory(id) : showEntity(id)).catch(function (error) {
      setStatus(error.message, true);
    });
  }

  window.addEventListener('hashchange', route);

  // ---------------------------------------------------------------- search

  var input = document.getElementById('search');
  var results = document.getElementById('results');
  var form = document.getElementById('search-form');
  var searchTimer = null;
  var lastResults = [];
  var searchSeq = 0;

  function showResults(items) {
    lastResults = items;
    results.replaceChildren.apply(results, items.length
      ? items.map(function (item, i) {
          var li = el('li', { role: 'option', 'data-id': item.id, 'aria-selected': i === 0 ? 'true' : 'false' }, [
            el('span', { class: 'swatch kind-' + item.label }),
            el('span', { text: item.name }),
            el('span', { class: 'hint', text: item.aliases.length ? '（' + item.aliases.slice(0, 3).join('、') + '）' : '' }),
          ]);
          li.addEventListener('mousedown', function (event) {
            event.preventDefault();
            choose(item);
          });
          return li;
        })
      : [el('li', { class: 'empty', text: 'Nothing found' })]);
    results.hidden = false;
  }

  function choose(item) {
    results.hidden = true;
    input.value = item.name;
    navigate('entity', item.id);
  }

  function search(text) {
    var seq = ++searchSeq;
    return graphql(SEARCH_QUERY, { text: text }).then(function (data) {
      // A slower answer to an older query must not replace a newer one.
      if (seq === searchSeq) showResults(data.search);
    }).catch(function (error) { setStatus(error.message, true); });
  }

  input.addEventListener('input', function () {
    clearTimeout(searchTimer);
    var text = input.value.trim();
    if (!text) {
      results.hidden = true;
      return;
    }
    searchTimer = setTimeout(function () { search(text); }, SEARCH_DEBOUNCE_MS);
  });
  input.addEventListener('blur', function () { results.hidden = true; });
  input.addEventListener('focus', function () { if (lastResults.length && input.value.trim()) results.hidden = false; });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    clearTimeout(searchTimer);
    search(text).then(function () { if (lastResults.length) choose(lastResults[0]); });
  });

  // For tests and the console: the Cytoscape instance.
  window.explorer = { cy: cy };
  route();
})();
