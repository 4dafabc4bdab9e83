// Every Kubernetes and CRD schema the service ships (see schemas/k8s/index.json), imported so that
// esbuild inlines them. A test checks this list against the index; add a file to both.
import type { JsonSchema } from '../common/jsonSchema';
import coreV1Service from '../../../../schemas/k8s/core.v1.Service.schema.json';
import coreV1Pod from '../../../../schemas/k8s/core.v1.Pod.schema.json';
import networkingK8SIoV1Ingress from '../../../../schemas/k8s/networking.k8s.io.v1.Ingress.schema.json';
import networkingK8SIoV1Ingressclass from '../../../../schemas/k8s/networking.k8s.io.v1.IngressClass.schema.json';
import networkingK8SIoV1Networkpolicy from '../../../../schemas/k8s/networking.k8s.io.v1.NetworkPolicy.schema.json';
import discoveryK8SIoV1Endpointslice from '../../../../schemas/k8s/discovery.k8s.io.v1.EndpointSlice.schema.json';
import appsV1Deployment from '../../../../schemas/k8s/apps.v1.Deployment.schema.json';
import appsV1Statefulset from '../../../../schemas/k8s/apps.v1.StatefulSet.schema.json';
import appsV1Daemonset from '../../../../schemas/k8s/apps.v1.DaemonSet.schema.json';
import appsV1Replicaset from '../../../../schemas/k8s/apps.v1.ReplicaSet.schema.json';
import coreV1Replicationcontroller from '../../../../schemas/k8s/core.v1.ReplicationController.schema.json';
import batchV1Job from '../../../../schemas/k8s/batch.v1.Job.schema.json';
import batchV1Cronjob from '../../../../schemas/k8s/batch.v1.CronJob.schema.json';
import extensionsV1Beta1Ingress from '../../../../schemas/k8s/legacy/extensions.v1beta1.Ingress.schema.json';
import networkingK8SIoV1Beta1Ingress from '../../../../schemas/k8s/legacy/networking.k8s.io.v1beta1.Ingress.schema.json';
import k8SCniCncfIoV1Networkattachmentdefinition from '../../../../schemas/k8s/crd/k8s.cni.cncf.io.v1.NetworkAttachmentDefinition.schema.json';
import ciliumIoV2Ciliumnetworkpolicy from '../../../../schemas/k8s/crd/cilium.io.v2.CiliumNetworkPolicy.schema.json';
import ciliumIoV2Ciliumclusterwidenetworkpolicy from '../../../../schemas/k8s/crd/cilium.io.v2.CiliumClusterwideNetworkPolicy.schema.json';
import projectcalicoOrgV3Ippool from '../../../../schemas/k8s/crd/projectcalico.org.v3.IPPool.schema.json';
import projectcalicoOrgV3Networkpolicy from '../../../../schemas/k8s/crd/projectcalico.org.v3.NetworkPolicy.schema.json';
import projectcalicoOrgV3Globalnetworkpolicy from '../../../../schemas/k8s/crd/projectcalico.org.v3.GlobalNetworkPolicy.schema.json';
import operatorTigeraIoV1Installation from '../../../../schemas/k8s/crd/operator.tigera.io.v1.Installation.schema.json';
import operatorTigeraIoV1Apiserver from '../../../../schemas/k8s/crd/operator.tigera.io.v1.APIServer.schema.json';
import gatewayNetworkingK8SIoV1Gateway from '../../../../schemas/k8s/crd/gateway.networking.k8s.io.v1.Gateway.schema.json';
import gatewayNetworkingK8SIoV1Httproute from '../../../../schemas/k8s/crd/gateway.networking.k8s.io.v1.HTTPRoute.schema.json';

export const k8sSchemas: JsonSchema[] = [
  coreV1Service,
  coreV1Pod,
  networkingK8SIoV1Ingress,
  networkingK8SIoV1Ingressclass,
  networkingK8SIoV1Networkpolicy,
  discoveryK8SIoV1Endpointslice,
  appsV1Deployment,
  appsV1Statefulset,
  appsV1Daemonset,
  appsV1Replicaset,
  coreV1Replicationcontroller,
  batchV1Job,
  batchV1Cronjob,
  extensionsV1Beta1Ingress,
  networkingK8SIoV1Beta1Ingress,
  k8SCniCncfIoV1Networkattachmentdefinition,
  ciliumIoV2Ciliumnetworkpolicy,
  ciliumIoV2Ciliumclusterwidenetworkpolicy,
  projectcalicoOrgV3Ippool,
  projectcalicoOrgV3Networkpolicy,
  projectcalicoOrgV3Globalnetworkpolicy,
  operatorTigeraIoV1Installation,
  operatorTigeraIoV1Apiserver,
  gatewayNetworkingK8SIoV1Gateway,
  gatewayNetworkingK8SIoV1Httproute,
] as JsonSchema[];
