# Замечания по данным (задача 12): показатели без источника, сокращения, которых нет в перечне,
# голоса сверх числа участников кейса (src/validate/).

chk-indicator-no-source = у показателя «{ $id }» не указаны ни источник данных, ни методика расчёта
chk-indicator-no-source-hint = добавьте «source:» — откуда берутся значения (отчёт, реестр, опрос) — или «method:» — как рассчитывается значение
chk-unknown-abbreviation = сокращения «{ $word }» нет в перечне сокращений
chk-unknown-abbreviation-hint = добавьте его в «abbreviations» в programme.yaml: «- {"{"}short: { $word }, full: …{"}"}»; если это организация, укажите ей «short: { $word }» в organisations.yaml
chk-votes-exceed = голосов за предложение ({ $votes }) больше, чем участников кейса «{ $case }» в participants.yaml ({ $n })
chk-votes-exceed-hint = исправьте «votes» или добавьте «{ $case }» в «cases» участников группы в participants.yaml; если число голосов неизвестно, уберите «votes»
