-- params: []
MERGE INTO `warehouse`.`silver`.`inventory_levels` AS `t`
USING (
SELECT warehouse_id, sku, quantity, note FROM raw.inventory
) AS `s`
ON `t`.`warehouse_id` = `s`.`warehouse_id` AND `t`.`sku` = `s`.`sku`
WHEN MATCHED THEN UPDATE SET `quantity` = `s`.`quantity`
WHEN NOT MATCHED THEN INSERT (`warehouse_id`, `sku`, `quantity`, `note`) VALUES (`s`.`warehouse_id`, `s`.`sku`, `s`.`quantity`, `s`.`note`);
