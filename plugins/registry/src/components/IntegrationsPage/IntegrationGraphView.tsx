import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type {
  IntegrationGraph,
  MoratoriumStatusKind,
} from '@qaztech/plugin-registry-common';
import { useNavigate } from 'react-router-dom';
import { PLATFORM_STATUS_COLORS } from '../PlatformStatusChip';

const NODE_WIDTH = 180;
const NODE_HEIGHT = 44;

type NodeData = {
  label: string;
  /** Absent for a system that is not in the register. */
  platformStatus?: MoratoriumStatusKind;
  registered: boolean;
};
type EdgeData = { label: string };

function useEntityRoute() {
  // Outside an app that mounts the catalog the route cannot be resolved;
  // the catalog's default path stands in.
  try {
    return useRouteRef(entityRouteRef);
  } catch {
    return undefined;
  }
}

function useEntityPath(): (ref: string) => string {
  const route = useEntityRoute();
  return ref => {
    const entity = parseEntityRef(ref, { defaultKind: 'system' });
    return route
      ? route(entityRouteParams(entity))
      : `/catalog/${entity.namespace}/${entity.kind.toLocaleLowerCase(
          'en-US',
        )}/${entity.name}`;
  };
}

/** Cuts a title to what fits a node. */
function fit(text: string, length = 26) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/**
 * The integration graph drawn with the catalog's DependencyGraph: a node
 * per system, bordered in its platform status colour (dashed when the
 * system is not in the register), an arrow per integration from the
 * system that uses another to the one it uses. A node opens its system.
 */
export function IntegrationGraphView(props: {
  graph: IntegrationGraph;
  titleOf: (node: IntegrationGraph['nodes'][number]) => string;
  channelLabel: (via: 'shep' | 'direct') => string;
}) {
  const navigate = useNavigate();
  const entityPath = useEntityPath();
  const nodes: DependencyGraphTypes.DependencyNode<NodeData>[] =
    props.graph.nodes.map(node => ({
      id: node.entityRef,
      label: props.titleOf(node),
      platformStatus: node.platformStatus,
      registered: node.registered,
    }));
  const edges: DependencyGraphTypes.DependencyEdge<EdgeData>[] =
    props.graph.edges.map(edge => ({
      from: edge.from,
      to: edge.to,
      label: props.channelLabel(edge.via),
    }));

  const renderNode = ({
    node,
  }: DependencyGraphTypes.RenderNodeProps<NodeData>) => {
    const colors = node.platformStatus
      ? PLATFORM_STATUS_COLORS[node.platformStatus]
      : undefined;
    return (
      <g
        role="link"
        aria-label={node.label}
        tabIndex={0}
        style={{ cursor: 'pointer' }}
        onClick={() => navigate(entityPath(node.id))}
        onKeyDown={e => {
          if (e.key === 'Enter') {
            navigate(entityPath(node.id));
          }
        }}
      >
        <title>{node.label}</title>
        <rect
          width={NODE_WIDTH}
          height={NODE_HEIGHT}
          rx={6}
          fill="#ffffff"
          stroke={colors?.background ?? '#757575'}
          strokeWidth={3}
          strokeDasharray={node.registered ? undefined : '5 4'}
        />
        <text
          x={NODE_WIDTH / 2}
          y={NODE_HEIGHT / 2}
          textAnchor="middle"
          dominantBaseline="middle"
          fontSize={12}
          fill="#212121"
        >
          {fit(node.label)}
        </text>
      </g>
    );
  };

  return (
    <DependencyGraph<NodeData, EdgeData>
      nodes={nodes}
      edges={edges}
      renderNode={renderNode}
      direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
      labelPosition={DependencyGraphTypes.LabelPosition.CENTER}
      showArrowHeads
      fit="contain"
      zoom="enable-on-click"
      style={{ width: '100%', minHeight: 360 }}
    />
  );
}
