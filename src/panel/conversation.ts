/**
 * The conversation's actor, as a reactive controller of the element it is drawn in (as Lit's and
 * @xstate/lit's controllers are): it registers itself, runs while the element is in the page, asks
 * for a redraw on every change, and stops when the element leaves. Wiping starts a fresh actor,
 * the one way a conversation is forgotten: nothing of the old one stays referenced.
 */
import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { createActor, type Subscription } from 'xstate';
import type { ChatActor, ChatEvent, ChatInput, ChatMachine, ChatSnapshot } from '../engine/machine.js';

export class Conversation implements ReactiveController {
  private actor: ChatActor;
  private subscription?: Subscription;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly machine: ChatMachine,
    /** Who the conversation is for and where, read afresh for each new conversation. */
    private readonly input: () => ChatInput,
    /** The actor failed (a page script patched something it relies on): the panel starts again. */
    private readonly broken: (error: unknown) => void,
  ) {
    this.actor = createActor(machine, { input: input() });
    host.addController(this);
  }

  get snapshot(): ChatSnapshot {
    return this.actor.getSnapshot();
  }

  send(event: ChatEvent) {
    this.actor.send(event);
  }

  /** Forget everything: the old actor is stopped and dropped, a new one starts. */
  wipe() {
    this.stop();
    this.actor = createActor(this.machine, { input: this.input() });
    this.run();
  }

  hostConnected() {
    this.run();
  }

  hostDisconnected() {
    this.stop();
  }

  private run() {
    if (this.subscription) return;
    this.subscription = this.actor.subscribe({ next: () => this.host.requestUpdate(), error: (e) => this.broken(e) });
    this.actor.start();
  }

  private stop() {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.actor.stop();
  }
}
