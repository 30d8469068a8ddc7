import { DownOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Drawer, Grid, Input, Skeleton, Space, Tree, Typography } from 'antd';
import type { TreeProps } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiProblem } from '../api/client';
import { emptyText } from '../format/empty-text';
import { StatusTag } from '../format/status-tag';
import { UnitDetail } from './unit-detail';
import { UnitFormDialog } from './unit-form-dialog';
import { useChangeUnit, useUnitKinds, useUnitTree } from './unit-hooks';
import { ancestorsOf, codesOf, filterForest, fold, matches, type Unit, type UnitNode, unitForest } from './unit-tree';

/**
 * The province's unit tree for its IT centre (NA-3, LC-1.1): each unit's kind, where it sits, its
 * information team and leader (NA-8.1, LC-3.1a); add, rename, change the kind, move (by the form, or
 * by drag and drop in the tree) and deactivate. The words searched, whether deactivated units are
 * shown and the unit open live in the address.
 */
export function UnitsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const withInactive = params.get('ngung-hoat-dong') === '1';
  const open = params.get('don-vi') ?? undefined;
  const units = useUnitTree();
  const kinds = useUnitKinds();
  const move = useChangeUnit();
  const { message, modal } = App.useApp();
  const wide = Grid.useBreakpoint().md ?? true;
  // null: as first shown (the top level open, and the way to the unit in the address).
  const [opened, setOpened] = useState<string[] | null>(null);
  const [adding, setAdding] = useState<{ parent?: string }>();

  const all = useMemo(() => units.data ?? [], [units.data]);
  const forest = useMemo(() => unitForest(withInactive ? all : all.filter((u) => u.active)), [all, withInactive]);
  const folded = fold(q);
  const shown = folded ? filterForest(forest, (u) => matches(u, folded)) : forest;
  const unit = open ? all.find((u) => u.code === open) : undefined;
  const expanded = folded ? codesOf(shown) : (opened ?? [...forest.map((n) => n.unit.code), ...ancestorsOf(all, open)]);

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  /** Opens the units above `codes` too, so that each is seen in its place. */
  const reveal = (...codes: (string | null)[]) =>
    setOpened((current) => [...new Set([...(current ?? expanded), ...codes.flatMap((c) => (c ? [c, ...ancestorsOf(all, c)] : []))])]);

  // antd's drop: onto a unit (it becomes the parent) or between two (the parent of the one dropped at).
  const dropped: TreeProps['onDrop'] = (info) => {
    const moving = all.find((u) => u.code === String(info.dragNode.key));
    const target = all.find((u) => u.code === String(info.node.key));
    if (!moving || !target) return;
    const parent = info.dropToGap ? (target.parent ?? null) : target.code;
    if (parent === (moving.parent ?? null)) return void message.info('Các đơn vị cùng cấp xếp theo tên; đơn vị vẫn ở chỗ cũ.');
    const parentName = parent ? all.find((u) => u.code === parent)?.name : undefined;
    modal.confirm({
      title: parentName ? `Chuyển ${moving.name} vào ${parentName}?` : `Đưa ${moving.name} lên cấp cao nhất?`,
      content: 'Các đơn vị trực thuộc nó đi theo.',
      okText: 'Chuyển',
      cancelText: 'Huỷ',
      onOk: () =>
        move.mutate(
          { code: moving.code, body: { parent } },
          {
            onSuccess: () => {
              reveal(parent);
              message.success('Đã chuyển đơn vị.');
            },
            onError: (error) => message.error(error instanceof ApiProblem ? error.message : 'Chưa chuyển được.'),
          },
        ),
    });
  };

  const title = (u: Unit) => (
    <span style={{ whiteSpace: 'normal' }}>
      <span>{u.name}</span> <Typography.Text type="secondary">({u.code})</Typography.Text>{' '}
      <StatusTag tone="neutral">{kinds.label(u.kind)}</StatusTag>
      {!u.active && (
        <>
          {' '}
          <StatusTag tone="warning">Ngừng hoạt động</StatusTag>
        </>
      )}
    </span>
  );
  const treeData = (nodes: UnitNode[]): NonNullable<TreeProps['treeData']> =>
    nodes.map((n) => ({ key: n.unit.code, title: title(n.unit), children: treeData(n.children) }));
  const active = (key: unknown) => all.find((u) => u.code === String(key))?.active ?? false;

  return (
    <section aria-labelledby="units-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} id="units-title" style={{ fontSize: 24, margin: 0 }}>
          Đơn vị
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} disabled={!units.data} onClick={() => setAdding({})}>
          Thêm đơn vị
        </Button>
      </Space>
      <Space wrap style={{ margin: '16px 0' }}>
        <Input
          aria-label="Tìm đơn vị theo tên hoặc mã"
          placeholder="Tìm theo tên hoặc mã, không cần dấu"
          prefix={<SearchOutlined aria-hidden />}
          allowClear
          value={q}
          onChange={(e) => setParam('q', e.target.value || undefined)}
          style={{ width: 320, maxWidth: '100%' }}
        />
        <Checkbox checked={withInactive} onChange={(e) => setParam('ngung-hoat-dong', e.target.checked ? '1' : undefined)}>
          Hiện cả đơn vị đã ngừng hoạt động
        </Checkbox>
      </Space>
      {units.isError && <Alert type="error" showIcon message={units.error.message} />}
      {units.isLoading && <Skeleton active />}
      {units.data && (
        <Card size="small">
          <Typography.Paragraph type="secondary">
            Chọn một đơn vị để xem tổ thông tin và sửa, chuyển hay ngừng hoạt động nó. Kéo thả một đơn vị vào đơn vị khác cũng chuyển được.
          </Typography.Paragraph>
          {shown.length === 0 ? (
            emptyText(folded ? 'Không có đơn vị nào khớp.' : 'Tỉnh chưa có đơn vị nào.')
          ) : (
            <Tree
              aria-label="Cây đơn vị"
              blockNode
              showLine
              // Hidden from screen readers (aria-expanded says it): antd's own icon would name every parent "minus-square …".
              switcherIcon={<DownOutlined aria-hidden />}
              draggable={{ icon: false, nodeDraggable: (node) => active(node.key) }}
              allowDrop={({ dropNode, dropPosition }) => (dropPosition === 0 ? active(dropNode.key) : true)}
              onDrop={dropped}
              expandedKeys={expanded}
              onExpand={(keys) => !folded && setOpened(keys.map(String))}
              selectedKeys={open ? [open] : []}
              onSelect={(keys) => keys[0] !== undefined && setParam('don-vi', String(keys[0]))}
              treeData={treeData(shown)}
            />
          )}
        </Card>
      )}
      {open && units.data && (
        <Drawer
          open
          title={unit?.name ?? 'Đơn vị'}
          width={wide ? 720 : '100%'}
          onClose={() => setParam('don-vi', undefined)}
          destroyOnHidden
        >
          {unit ? (
            <UnitDetail
              key={unit.code}
              unit={unit}
              units={all}
              onAddBelow={() => setAdding({ parent: unit.code })}
              onMoved={(parent) => reveal(parent)}
            />
          ) : (
            <Alert type="warning" showIcon message={`Không có đơn vị mang mã "${open}".`} />
          )}
        </Drawer>
      )}
      {adding && (
        <UnitFormDialog
          units={all}
          parent={adding.parent}
          onClose={() => setAdding(undefined)}
          onAdded={(added) => {
            setAdding(undefined);
            message.success(`Đã thêm ${added.name}.`);
            reveal(added.parent ?? null);
            setParam('don-vi', added.code);
          }}
        />
      )}
    </section>
  );
}
