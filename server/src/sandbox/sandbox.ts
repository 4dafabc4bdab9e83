// The throwaway world a chain runs in: a sandbox "host" netns (where plugin processes run and
// where host-side links appear), a "container" netns (CNI_NETNS) and a temp state dir.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register, unregister, type Teardown } from './cleanup';
import type { Ip } from './ip';
import type { SandboxInfo } from './types';

/**
 * The same for every run: plugins derive names from it (iptables chains, ifb links) that show
 * up in their messages, and a fixed id keeps those messages identical from run to run. Runs do
 * not collide: each has its own namespaces (where those chains and links live) and state dir.
 */
export const CONTAINER_ID = 'cnikit-sandbox';

/** Uplink that carries the sandbox host's default route, as on a real node. */
export const UPLINK = 'eth0';
const UPLINK_ADDR = '192.0.2.2/24'; // TEST-NET-1: exists only inside the sandbox
const UPLINK_GW = '192.0.2.1';

export class Sandbox implements Teardown {
  readonly info: SandboxInfo;
  private readonly children = new Set<ChildProcess>();
  /** Only namespaces this sandbox added are ever deleted. */
  private readonly created: string[] = [];
  private state: 'live' | 'tearing' | 'done' = 'live';

  private constructor(
    private readonly ip: Ip,
    info: SandboxInfo,
  ) {
    this.info = info;
  }

  /** Creates namespaces and state dir; on any failure removes what exists and rethrows. */
  static async create(ip: Ip, tmpDir = tmpdir()): Promise<Sandbox> {
    const id = randomBytes(4).toString('hex');
    const stateDir = mkdtempSync(join(tmpDir, `cnikit-sandbox-${id}-`));
    const box = new Sandbox(ip, {
      id,
      hostNetns: `cnikit-h-${id}`,
      containerNetns: `cnikit-c-${id}`,
      containerId: CONTAINER_ID,
      stateDir,
    });
    register(box);
    try {
      for (const ns of [box.info.hostNetns, box.info.containerNetns]) {
        await ip.must(['netns', 'add', ns]);
        box.created.unshift(ns);
        await ip.must(['-n', ns, 'link', 'set', 'lo', 'up']);
      }
      return box;
    } catch (err) {
      await box.teardown();
      throw err;
    }
  }

  get containerNetnsPath(): string {
    return `/var/run/netns/${this.info.containerNetns}`;
  }

  /**
   * Stand-ins for the host NICs the config names (and the default-route uplink). A dummy link
   * where the kernel has them, else one end of a veth pair: both look like an Ethernet NIC to
   * macvlan/ipvlan/vlan/host-device.
   */
  async addHostLinks(names: string[], useDummy: boolean): Promise<void> {
    const ns = this.info.hostNetns;
    const all = [...new Set([UPLINK, ...names])];
    for (const [i, name] of all.entries()) {
      const add = useDummy
        ? ['-n', ns, 'link', 'add', name, 'type', 'dummy']
        : ['-n', ns, 'link', 'add', name, 'type', 'veth', 'peer', 'name', `cnikitpeer${i}`];
      if (name === UPLINK) await this.ip.must(add);
      // A name the kernel refuses is the config's business: the plugin will say "Link not found".
      else if (!(await this.ip.run(add)).ok) continue;
      if (!useDummy) await this.ip.must(['-n', ns, 'link', 'set', `cnikitpeer${i}`, 'up']); // carrier for the NIC end
      await this.ip.must(['-n', ns, 'link', 'set', name, 'up']);
    }
    await this.ip.must(['-n', ns, 'addr', 'add', UPLINK_ADDR, 'dev', UPLINK]);
    await this.ip.must(['-n', ns, 'route', 'add', 'default', 'via', UPLINK_GW, 'dev', UPLINK]);
  }

  /** Children are killed on teardown (they run in their own process group). */
  track(child: ChildProcess): () => void {
    this.children.add(child);
    return () => this.children.delete(child);
  }

  private killChildren(): void {
    for (const child of this.children) killGroup(child);
    this.children.clear();
  }

  async teardown(): Promise<void> {
    if (this.state !== 'live') return;
    this.state = 'tearing';
    this.killChildren();
    // `ip netns del` drops the namespace; the kernel frees it and every link in it once no
    // process holds it, which is why children die first.
    for (const ns of this.created) await this.ip.run(['netns', 'del', ns]);
    await rm(this.info.stateDir, { recursive: true, force: true });
    this.finish();
  }

  /** Also runs while an async teardown is under way (a signal arrived): every step is idempotent. */
  teardownSync(): void {
    if (this.state === 'done') return;
    this.killChildren();
    for (const ns of this.created) this.ip.runSync(['netns', 'del', ns]);
    rmSync(this.info.stateDir, { recursive: true, force: true });
    this.finish();
  }

  private finish(): void {
    this.state = 'done';
    unregister(this);
  }
}

/**
 * Kills the child's whole process group: plugins start IPAM plugins, iptables, ... Callers only
 * do this before the child's 'close' (its pipes still open, so its group still has members
 * and the group id cannot have been reused), even if the leader itself already exited.
 */
export function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
