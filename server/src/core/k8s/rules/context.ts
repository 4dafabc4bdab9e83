// What every Kubernetes rule receives: one document's text and object, its kind, the settings.
import type { Finding, Fix } from '../../common/findings';
import { finding, type Severity } from '../../common/findings';
import type { JsonNode } from '../../common/json';
import type { KindDef } from '../kinds';
import type { Resource } from '../resource';
import type { EmbeddedRegion } from '../embedded';
import type { SchemaRegistry } from '../../cni/schemaRegistry';
import type { K8sRegistry } from '../k8sRegistry';
import type { RuleFacts } from '../summary';

export interface K8sSettings {
  /** The Kubernetes minor version manifests target, e.g. "1.36": decides which APIs are removed. */
  kubernetesVersion: string;
  /** Groups of kinds whose checks are off. */
  disabledGroups: string[];
}

export interface K8sRuleContext {
  /** The document's text; all offsets are relative to it. */
  text: string;
  resource: Resource;
  def: KindDef;
  settings: K8sSettings;
  /** The CNI schemas, for configs embedded in NetworkAttachmentDefinitions and flannel's ConfigMap. */
  cni: SchemaRegistry;
  k8s: K8sRegistry;
  report(f: Finding): void;
  /** Embedded languages found by rules, for completion and hover. */
  embed(region: EmbeddedRegion): void;
  /** Facts rules find while checking, for the checks across files. */
  facts: RuleFacts;
}

export type K8sRule = (ctx: K8sRuleContext) => void;

export function at(ctx: K8sRuleContext, node: JsonNode, severity: Severity, code: string, message: string, fixes?: Fix[]): void {
  ctx.report(finding(node.offset, node.offset + node.length, severity, code, message, fixes));
}

/** The key node of the property holding `value`, falling back to the value. */
export function keyOrValue(value: JsonNode): JsonNode {
  return value.parent?.type === 'property' ? value.parent.children![0] : value;
}
