import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Server } from 'restify';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { loadConfiguredKnowledge } from '../../src/knowledge/load-knowledge.js';
import { DEFAULT_PACK_DIR } from '../../src/paths.js';
import { listeningPort, startServer } from '../../src/server.js';
import { messageActivity } from '../support/activities.js';
import { guideFigures } from './guide-figures.js';

interface Card { body: Array<{ type: string; text?: string; facts?: Array<{ title: string; value: string }> }> }

describe('the MSL bot, booted as configured, quoting the guide\'s figures', function () {
  this.timeout(30_000);
  let server: Server;
  let base: string;

  before(async () => {
    const config = loadConfig({ KNOWLEDGE_DIR: DEFAULT_PACK_DIR });
    server = await startServer(createApp(config, loadConfiguredKnowledge(config)), 0, '127.0.0.1');
    base = `http://127.0.0.1:${listeningPort(server)}`;
  });
  after(() => server?.close());

  const ask = async (text: string): Promise<Partial<Activity>[]> => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageActivity(randomUUID(), { text })) });
    expect(res.status).to.equal(200);
    return ((await res.json()) as { activities: Partial<Activity>[] }).activities;
  };

  it('answers a salary question with the figures of guide.txt, the one asked for first', async () => {
    const [reply, ...rest] = await ask('How much do MSLs earn in California?');
    expect(rest).to.have.length(0);
    const card = reply!.attachments![0]!.content as Card;
    const facts = card.body.filter((e) => e.type === 'FactSet').flatMap((e) => e.facts!).map((f) => ({
      name: f.title.replace(/\*\*/g, ''), figure: f.value.replace(/\*\*/g, '').replace(/ a year$/, ''),
    }));
    const guide = guideFigures();
    expect(facts[0]?.name).to.equal('California');
    expect(facts.length).to.equal(5);
    for (const { name, figure } of facts) expect(figure, name).to.equal(guide.get(name));
    expect(JSON.stringify(card)).to.include('Source: MSL Career Guide');
  });
});
