# Правила проверки (validate): ссылки, id, тексты, период, цели, соглашения, числа, сроки
# относительно периода и сессии, финансирование и предупреждения SMART (src/validate/).
# $kind — чего это id: organisation, participant, indicator, case, problem, proposal, step.

## References and ids

check-unknown-ref = { $kind ->
        [organisation] неизвестная организация «{ $id }»
        [participant] неизвестный участник «{ $id }»
        [indicator] неизвестный показатель «{ $id }»
        [case] неизвестный кейс «{ $id }»
        [problem] неизвестная проблема «{ $id }»
        [proposal] неизвестное предложение «{ $id }»
        [step] неизвестное мероприятие «{ $id }»
       *[other] неизвестный id «{ $id }»
    }
check-unknown-ref-in-case = { $kind ->
        [problem] неизвестная проблема «{ $id }» в кейсе «{ $case }»
        [proposal] неизвестное предложение «{ $id }» в кейсе «{ $case }»
        [step] неизвестное мероприятие «{ $id }» в кейсе «{ $case }»
       *[other] неизвестный id «{ $id }» в кейсе «{ $case }»
    }
check-none-defined = { $kind ->
        [organisation] пока не задано ни одной организации
        [participant] пока не задано ни одного участника
        [indicator] пока не задано ни одного показателя
        [case] пока не задано ни одного кейса
        [problem] пока не задано ни одной проблемы
        [proposal] пока не задано ни одного предложения
        [step] пока не задано ни одного мероприятия
       *[other] пока не задано ни одного id
    }
check-known = известные id: { $ids }
check-none-near = { $n ->
        [one] ни один из { $n } известного id
       *[other] ни один из { $n } известных id
    } { $kind ->
        [organisation] организаций
        [participant] участников
        [indicator] показателей
        [case] кейсов
        [problem] проблем
        [proposal] предложений
        [step] мероприятий
       *[other] {""}
    } не похож на этот
check-invalid-id = «{ $id }» — недопустимый id
check-invalid-id-hint = в id допустимы строчные латинские буквы, цифры и «-», например «{ $example }»
check-duplicate-id = { $kind ->
        [organisation] id организации «{ $id }» встречается дважды
        [participant] id участника «{ $id }» встречается дважды
        [indicator] id показателя «{ $id }» встречается дважды
        [case] id кейса «{ $id }» встречается дважды
        [problem] id проблемы «{ $id }» встречается дважды
        [proposal] id предложения «{ $id }» встречается дважды
        [step] id мероприятия «{ $id }» встречается дважды
       *[other] id «{ $id }» встречается дважды
    }
check-duplicate-id-hint = впервые он задан в { $file }:{ $line }; id не должны повторяться
check-case-file-name = имя файла «{ $name }» не годится как id кейса
check-case-file-name-hint = файл кейса называется по его id: строчные латинские буквы, цифры и «-»
check-steps-file-name-hint = файл мероприятий называется по id своего кейса
check-steps-without-case = нет кейса «{ $case }», к которому относятся эти мероприятия
check-steps-without-case-near = возможно, имелся в виду кейс «{ $near }»? Его мероприятия записываются в steps/{ $near }.yaml
check-steps-without-case-hint = создайте cases/{ $case }.yaml или перенесите эти мероприятия в существующий кейс
check-proposal-other-case = предложение «{ $proposal }» относится к кейсу «{ $other }», а не «{ $case }»
check-proposal-other-case-hint = мероприятие выполняет предложения только своего кейса

## Texts

check-empty-text = { $what ->
        [programme-title] название программы не заполнено
        [short-title] краткое название не заполнено
        [risk] описание риска не заполнено
        [mitigation] меры по снижению риска не заполнены
        [goal] цель не заполнена
        [session-title] название сессии не заполнено
        [agreement-title] название соглашения не заполнено
        [organisation-name] наименование организации не заполнено
        [short-name] краткое наименование не заполнено
        [participant-name] имя участника не заполнено
        [case-title] название кейса не заполнено
        [task] задача не заполнена
        [problem] текст проблемы не заполнен
        [proposal] текст предложения не заполнен
        [indicator-name] наименование показателя не заполнено
        [unit] единица измерения не заполнена
        [step-title] название мероприятия не заполнено
        [result] результат не заполнен
        [approval-by] акт, которым утверждена программа («by»), не указан
        [approval-number] номер акта не заполнен
        [revision-label] пояснение к редакции не заполнено
        [sign-off-position] должность не заполнена
        [sign-off-name] имя не заполнено
        [progress-comment] комментарий не заполнен
        [actual-note] пояснение не заполнено
       *[other] текст не заполнен
    }

## The programme

check-no-cases = в программе нет ни одного кейса
check-no-cases-hint = добавьте файл cases/<кейс>.yaml для каждого кейса; пример создаёт «nko-draft init»
check-period-reversed = период начинается позже, чем заканчивается ({ $from } > { $to })
check-period-reversed-hint = сначала укажите первый год: «period: {"{"}from: { $first }, to: { $last }{"}"}»
check-implausible-year = «{ $year }» не похоже на год
check-period-before-session = период заканчивается в { $to } году, раньше сессии ({ $session })
check-no-goal = у программы нет цели
check-no-goal-hint = добавьте хотя бы одну цель: «goals: ["…"]»
check-output-name = «{ $name }» — не имя файла
check-output-name-hint = укажите простое короткое имя, например «programme»; папку задайте в «dir»
check-no-formats = не указано ни одного формата: «build» ничего не запишет
check-no-formats-hint = укажите хотя бы один, например «formats: [md, html, pdf]», или удалите ключ, чтобы получить все
check-output-dir = папка «{ $dir }» — за пределами папки программы
check-output-dir-hint = папка, заданная в programme.yaml, должна быть внутри папки программы, например «dir: out»; чтобы записать в другое место, укажите в командной строке «--out ПАПКА»

## Life cycle: revision, approval, sign-off

check-missing-approval = программа утверждена, но в «approval» не указано, каким актом
check-missing-approval-hint = укажите акт, которым она утверждена, например «approval: {"{"}by: "постановлением Администрации Курской области", date: 2027-02-10, number: "45-па"{"}"}»; пока программа не утверждена, укажите «status: draft»
check-approval-of-draft = «approval» указан, но программа — проект: гриф утверждения не печатается
check-approval-of-draft-hint = когда акт будет принят, укажите «status: approved»: гриф заменит «ПРОЕКТ»
# $what: revision, approval или done (done_on в progress).
check-before-session = { $what ->
        [revision] дата редакции
        [done] дата выполнения
       *[approval] дата утверждения
    } ({ $date }) раньше сессии ({ $session })
check-before-session-hint = { $what ->
        [revision] проект готовится на сессии, и редакции появляются после неё: проверьте дату
        [done] мероприятия согласованы на сессии и выполняются после неё: проверьте дату
       *[approval] проект готовится на сессии, и утверждают его после неё: проверьте дату
    }
check-revision-before-date = дата редакции ({ $date }) раньше даты документа ({ $document })
check-revision-before-date-hint = редакция — более поздний вариант проекта: укажите дату не раньше «date» или измените «date»
check-revision-after-approval = дата редакции ({ $date }) позже даты утверждения ({ $approved })
check-revision-after-approval-hint = у утверждённой программы печатается гриф, а не редакция: проверьте обе даты
check-sign-off-name-and-participant = в строке указаны и «name», и «participant»
check-sign-off-name-and-participant-hint = оставьте «participant: { $id }» (имя печатается, только если участник согласился на публикацию) и удалите «name» — или оставьте только «name»
check-sign-off-unpublished = это имя участника «{ $id }», который не согласился на публикацию имени
check-sign-off-unpublished-hint = укажите «participant: { $id }» вместо «name»: в строке будут организация и должность, а имя впишут от руки

## Session and organisations

check-agreement-parties = у соглашения должно быть не меньше двух сторон
check-agreement-parties-hint = перечислите организации, которые его подписали: «parties: [<id>, <id>]»
check-duplicate-short = краткое наименование «{ $short }» уже есть у организации «{ $other }»
check-duplicate-short-hint = в таблицах читатели не смогут их различить

## Cases and indicators

check-case-number-zero = номера кейсов начинаются с 1
check-case-number-twice = номер { $number } уже занят кейсом «{ $other }»
check-case-number-twice-hint = у каждого кейса свой номер: по нему упорядочены задачи программы
check-missing-reason = у отложенного или отклонённого предложения не указана причина
check-missing-reason-hint = добавьте «reason: …», чтобы читатели знали причину
check-no-baseline = у показателя «{ $id }» нет базового значения
check-no-baseline-hint = добавьте «baseline: {"{"}year: 2026, value: …{"}"}»: без исходного значения цель мало что говорит
check-target-outside = целевое значение на { $year } год — вне периода { $from }–{ $to }
check-target-outside-hint = целевые значения задаются на { $from }–{ $to } годы
check-missing-targets = { $n ->
        [one] у показателя «{ $id }» нет целевого значения на { $years } год
       *[other] у показателя «{ $id }» нет целевых значений на { $years } годы
    }
check-missing-targets-hint = задайте целевое значение на каждый год периода
check-bad-number = число «{ $value }» не подходит
check-bad-number-hint = укажите конечное число не больше триллиона

## Steps

check-no-responsible = у мероприятия «{ $id }» нет ответственной организации
check-no-responsible-hint = добавьте «responsible: <id организации>»
check-empty-responsible = список ответственных организаций пуст
check-no-result = у мероприятия «{ $id }» не указан ожидаемый результат
check-no-result-hint = добавьте «result: …», лучше с числом
check-proposal-not-carried = принятое предложение «{ $id }» не выполняется ни одним мероприятием
check-proposal-not-carried-hint = укажите его в «proposals» одного из мероприятий в steps/{ $case }.yaml или отметьте как отложенное
check-case-no-steps = у кейса «{ $id }» нет мероприятий
check-case-no-steps-hint = добавьте мероприятия командой «nko-draft add-step --case { $id } --title …»
check-no-deadline = у мероприятия «{ $id }» нет срока
check-no-deadline-hint = добавьте «deadline: …», например «2027-Q2» или «annually Q4»
check-permanent = срок «permanent» не ограничен во времени
check-permanent-hint = лучше укажите период, например «2027..2029», или повторение, например «annually Q4»
check-deadline-after-period = срок заканчивается после периода { $from }–{ $to }
check-deadline-after-period-hint = программа действует до 31 декабря { $to } г.
check-deadline-before-session = срок начинается раньше сессии ({ $session })
check-deadline-before-session-by = сессия прошла { $session }; чтобы сохранить конец срока, укажите «by { $end }»
check-deadline-before-session-hint = мероприятия согласованы на сессии: их срок не может наступить раньше неё

## Funding

check-funding-outside = финансирование на { $year } год — вне периода { $from }–{ $to }
check-funding-outside-hint = суммы указываются на { $from }–{ $to } годы
check-bad-amount = «{ $amount }» — недопустимая сумма
check-bad-amount-hint = суммы указываются в тысячах рублей, от 0 до триллиона, например 350.0
check-amount-too-fine = сумма «{ $amount }» точнее копейки
check-amount-too-fine-hint = { $decimals ->
        [one] суммы указываются в тысячах рублей, не больше { $decimals } знака после точки: укажите { $rounded }
       *[other] суммы указываются в тысячах рублей, не больше { $decimals } знаков после точки: укажите { $rounded }
    }
check-funding-none = сумма при «source: none»
check-funding-none-hint = укажите источник средств или удалите сумму

# Замечания по данным (задача 12): показатели без источника, сокращения, которых нет в перечне,
# голоса сверх числа участников кейса (src/validate/).

chk-indicator-no-source = у показателя «{ $id }» не указаны ни источник данных, ни методика расчёта
chk-indicator-no-source-hint = добавьте «source:» — откуда берутся значения (отчёт, реестр, опрос) — или «method:» — как рассчитывается значение
chk-unknown-abbreviation = сокращения «{ $word }» нет в перечне сокращений
chk-unknown-abbreviation-hint = добавьте его в «abbreviations» в programme.yaml: «- {"{"}short: { $word }, full: …{"}"}»; если это организация, укажите ей «short: { $word }» в organisations.yaml
chk-votes-exceed = голосов за предложение ({ $votes }) больше, чем участников кейса «{ $case }» в participants.yaml ({ $n })
chk-votes-exceed-hint = исправьте «votes» или добавьте «{ $case }» в «cases» участников группы в participants.yaml; если число голосов неизвестно, уберите «votes»

# Замечания о программе как документе: механизм реализации и источники финансирования.

chk3-no-implementation = в programme.yaml нет ключа «implementation»: в разделе о механизме реализации будет сказано только, кто отвечает за Программу и где приведены целевые показатели
chk3-no-implementation-hint = опишите в «implementation», кто, кому и в какие сроки представляет сведения о ходе реализации, как оцениваются результаты и где публикуются отчёты
chk3-regional-budget = по названию региона «{ $region }» не видно, как называется его бюджет: источник «regional_budget» будет назван «{ $name }»
chk3-regional-budget-hint = укажите название в programme.yaml, например «funding_sources: {"{"}regional_budget: краевой бюджет{"}"}»

# Ход реализации после утверждения: `progress` мероприятия и `actual` показателя
# (src/validate/progress.rs). `period` — отчётный период так, как он записан (`2027-Q2`).

check-progress-outside = ход реализации за { $period } — вне периода { $from }–{ $to }
check-progress-outside-hint = ход реализации записывается за { $from }–{ $to } годы
check-done-after-period = дата выполнения { $date } позже конца периода { $period } ({ $end })
check-done-after-period-hint = запись говорит, в каком состоянии мероприятие было в конце периода: укажите выполнение в записи за «{ $later }»
check-done-on-not-done = «done_on» указан при «status: { $status }»
check-done-on-not-done-hint = укажите «status: done» или удалите «done_on»
check-cancelled-no-reason = у отменённого мероприятия нет комментария
check-cancelled-no-reason-hint = добавьте «comment: …» с причиной отмены
check-spent-unfunded = расход из источника «{ $source }», которого нет в «funding» мероприятия
check-spent-unfunded-hint = мероприятие финансируется из источников: { $sources }; исправьте источник или добавьте его в «funding»
check-spent-unfunded-none = у мероприятия нет «funding»: добавьте «- source: { $source }» с суммами или исправьте источник
check-actual-outside = фактическое значение за { $year } год — вне периода { $from }–{ $to }
check-actual-outside-hint = значения записываются за { $from }–{ $to } годы
