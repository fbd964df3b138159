/** 网上申报 and 我的办件: pages only; nothing else imports this module. */
export {};
