<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="212"/>
        <source>确认考核结果</source>
        <translation>Acknowledge assessment result</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="216"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&#x3000;总分 &lt;b&gt;{1}&lt;/b&gt;&#x3000;等级 &lt;b&gt;{2}&lt;/b&gt;&#x3000;结果应用：{3}&lt;br&gt;{4}&lt;br&gt;考核人：{5}&#x3000;评语：{6}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;  Total &lt;b&gt;{1}&lt;/b&gt;  Grade &lt;b&gt;{2}&lt;/b&gt;  Follow-up: {3}&lt;br&gt;{4}&lt;br&gt;Assessor: {5}  Comment: {6}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="225"/>
        <source>本期表现</source>
        <translation>This period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="228"/>
        <source>可填写本人意见（可选）</source>
        <translation>Your comment (optional)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="229"/>
        <source>本人意见</source>
        <translation>Your comment</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="230"/>
        <source>确认已阅</source>
        <translation>Acknowledge</translation>
    </message>
</context>
<context>
    <name>AftersalesPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/aftersales_common.py" line="28"/>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/aftersales_common.py" line="30"/>
        <source>售后政策</source>
        <translation>After-sales policy</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/aftersales_common.py" line="31"/>
        <source>打印设置</source>
        <translation>Print settings</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/aftersales_common.py" line="64"/>
        <source>正在导出{0}…</source>
        <translation>Exporting {0}…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/aftersales_common.py" line="66"/>
        <source>已导出 {0} 行到 {1}</source>
        <translation>Exported {0} rows to {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/aftersales_common.py" line="72"/>
        <source>售后政策已保存</source>
        <translation>After-sales policy saved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/aftersales_common.py" line="77"/>
        <source>打印设置已保存</source>
        <translation>Print settings saved</translation>
    </message>
</context>
<context>
    <name>AppealDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="156"/>
        <source>处理申诉</source>
        <translation>Decide appeal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="158"/>
        <source>{0} {1}：{2}
申诉理由：{3}</source>
        <translation>{0} {1}: {2}
Appeal reason: {3}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="162"/>
        <source>驳回申诉，维持处罚</source>
        <translation>Reject the appeal, keep the fine</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="162"/>
        <source>申诉成立，撤销处罚</source>
        <translation>Uphold the appeal, revoke the fine</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="168"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="169"/>
        <source>罚款（元）</source>
        <translation>Fine (yuan)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="170"/>
        <source>处理意见</source>
        <translation>Decision note</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="70"/>
        <source>方案审批 - {0}</source>
        <translation>Approve plan - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="73"/>
        <source>已审批：{0}</source>
        <translation>Approved by: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="73"/>
        <source>尚无审批</source>
        <translation>Not approved yet</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="75"/>
        <source>。重大投诉须两位主管审批并记录上报公司领导。</source>
        <translation>. A major complaint needs two managers&apos; approvals and a report to company leaders.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="80"/>
        <source>审批意见（可不填）</source>
        <translation>Approval comment (optional)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="81"/>
        <source>审批意见</source>
        <translation>Comment</translation>
    </message>
</context>
<context>
    <name>ArticleDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/article_edit.py" line="21"/>
        <source>编辑知识条目</source>
        <translation>Edit article</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/article_edit.py" line="21"/>
        <source>新增知识条目</source>
        <translation>New article</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/article_edit.py" line="29"/>
        <source>客户会怎么问，如 停车怎么收费</source>
        <translation>As a customer would ask, e.g. how much is parking</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/article_edit.py" line="32"/>
        <source>同义词、俗称，用空格分隔，如 停车费 车位</source>
        <translation>Synonyms and everyday words, separated by spaces, e.g. parking fee space</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/article_edit.py" line="53"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/article_edit.py" line="56"/>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/article_edit.py" line="57"/>
        <source>标题（问题）</source>
        <translation>Title (question)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/article_edit.py" line="58"/>
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/article_edit.py" line="59"/>
        <source>答复内容</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/article_edit.py" line="60"/>
        <source>有效期（不填即长期）</source>
        <translation>Valid (blank: always)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/article_edit.py" line="62"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>AssessmentChart</name>
    <message>
        <location filename="../../frontdesk/ui/assessment_chart.py" line="25"/>
        <source>专项 {0}</source>
        <translation>Ad hoc {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/assessment_chart.py" line="73"/>
        <source>总分</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>AssessmentsPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="213"/>
        <source>考核评分</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="214"/>
        <source>排名</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="215"/>
        <source>个人趋势</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="216"/>
        <source>我的考核</source>
        <translation>My assessments</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="218"/>
        <source>考核模板</source>
        <translation>Templates</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="83"/>
        <source>排班</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="94"/>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="95"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="96"/>
        <source>班次</source>
        <translation>Shift</translation>
    </message>
</context>
<context>
    <name>AttendanceEditDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="145"/>
        <source>补录 / 更正考勤</source>
        <translation>Enter / correct attendance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="156"/>
        <source>更正已有记录时必填，如：打卡机故障</source>
        <translation>Required when correcting, e.g. clock machine broken</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="157"/>
        <source>签到时间</source>
        <translation>Clock-in time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="158"/>
        <source>签退时间</source>
        <translation>Clock-out time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="159"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="239"/>
        <source>签到</source>
        <translation>Clock in</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="239"/>
        <source>签退</source>
        <translation>Clock out</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="163"/>
        <source>搜索员工姓名或工号</source>
        <translation>Search staff name or number</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="166"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="166"/>
        <source>仅异常</source>
        <translation>Exceptions only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="173"/>
        <source>含未来排班</source>
        <translation>Incl. future shifts</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="180"/>
        <source>签到 / 签退</source>
        <translation>Clock in / out</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="180"/>
        <source>请假</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="181"/>
        <source>补录/更正</source>
        <translation>Enter/correct</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="182"/>
        <source>生成违纪建议</source>
        <translation>Propose incidents</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="183"/>
        <source>修改记录</source>
        <translation>Change log</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="184"/>
        <source>考勤设置</source>
        <translation>Attendance settings</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="194"/>
        <source>排班表</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="195"/>
        <source>考勤记录</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="196"/>
        <source>请假与调班</source>
        <translation>Leave and swaps</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="232"/>
        <source>请先在列表中选择一条考勤记录</source>
        <translation>Select an attendance record in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="240"/>
        <source>{0}成功：{1}，{2}</source>
        <translation>{0} done: {1}, {2}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="245"/>
        <source>请假申请已提交</source>
        <translation>Leave request submitted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="257"/>
        <source>已生成 {0} 条待确认的违纪记录，请到「违纪罚款」页逐条确认。</source>
        <translation>{0} incident(s) proposed for confirmation; confirm them one by one on the Discipline page.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="264"/>
        <source>修改记录 - {0}</source>
        <translation>Change log - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="268"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="268"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="268"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="268"/>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="269"/>
        <source>新值</source>
        <translation>New value</translation>
    </message>
</context>
<context>
    <name>CallerCard</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/caller_card.py" line="71"/>
        <source>Enter 填入</source>
        <translation>Enter: take</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/caller_card.py" line="74"/>
        <source>在联系电话栏按 Enter：填入来电人的称呼和完整号码；↑/↓ 换一位来电人</source>
        <translation>Enter in the phone field fills in the caller&apos;s name and full number; ↑/↓ picks another caller</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/caller_card.py" line="113"/>
        <source>来电/来访历史</source>
        <translation>Call/visit history</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/caller_card.py" line="115"/>
        <source>来电人 {0}</source>
        <translation>Caller {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/caller_card.py" line="117"/>
        <source>匹配的来电人（{0} 位）</source>
        <translation>Matching callers ({0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/caller_card.py" line="135"/>
        <source>输入号码中任意 4 位数字</source>
        <translation>Type any 4 digits of the number</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/caller_card.py" line="136"/>
        <source>即显示来电人及其历史</source>
        <translation>to see the caller and their history</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/caller_card.py" line="138"/>
        <source>（未留称呼）</source>
        <translation>(no name given)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/caller_card.py" line="142"/>
        <source>来过 {0} 次</source>
        <translation>Came {0}×</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/caller_card.py" line="144"/>
        <source>未结投诉 {0} 件</source>
        <translation>{0} open complaint(s)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/caller_card.py" line="150"/>
        <location filename="../../frontdesk/ui/widgets/caller_card.py" line="153"/>
        <source>未结投诉 {0} {1}：{2}</source>
        <translation>Open complaint {0} {1}: {2}</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../frontdesk/ui/charts.py" line="71"/>
        <source>{0} {1}（{2}%）</source>
        <translation>{0} {1} ({2}%)</translation>
    </message>
</context>
<context>
    <name>ClassifyDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="32"/>
        <source>分类指派 - {0}</source>
        <translation>Classify and assign - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="38"/>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="40"/>
        <source>（暂不指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="45"/>
        <source>投诉类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="45"/>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="45"/>
        <source>处理等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="46"/>
        <source>责任部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="46"/>
        <source>承办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="52"/>
        <source>修改原因（可不填）</source>
        <translation>Reason for the change (optional)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="53"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="55"/>
        <source>承办人只能修改投诉类别；其他项目请主管修改。</source>
        <translation>As the handler you can change only the category; ask a manager for the rest.</translation>
    </message>
</context>
<context>
    <name>ClockDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="127"/>
        <source>签到 / 签退</source>
        <translation>Clock in / out</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="134"/>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="135"/>
        <source>本人密码</source>
        <translation>Own password</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="23"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="30"/>
        <source>结案 - {0}</source>
        <translation>Close case - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="35"/>
        <source>请选择</source>
        <translation>Please select</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="45"/>
        <source>客户已确认处理结果</source>
        <translation>Customer has confirmed the outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="47"/>
        <source>处理结果、原因分析与改进措施（必填）</source>
        <translation>Outcome, root cause and improvements (required)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="48"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="49"/>
        <source>当前阶段</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="52"/>
        <source>总体满意度</source>
        <translation>Overall satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="67"/>
        <source>（三项选定后按最低一项得出）</source>
        <translation>(the lowest of the three, once all three are chosen)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="53"/>
        <source>客户确认</source>
        <translation>Customer confirmation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="54"/>
        <source>归档总结</source>
        <translation>Archive and review</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_close.py" line="31"/>
        <source>结案</source>
        <translation>Close case</translation>
    </message>
</context>
<context>
    <name>ComplaintDetailDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="47"/>
        <source>超 </source>
        <translation>over </translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="48"/>
        <source>{0}天</source>
        <translation>{0} d </translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="49"/>
        <source>{0}小时</source>
        <translation>{0} h </translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="50"/>
        <source>{0}分钟</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="51"/>
        <source>按承诺</source>
        <translation>As promised</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="52"/>
        <source>超时完成</source>
        <translation>Done late</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="53"/>
        <source>按时完成</source>
        <translation>Done on time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="54"/>
        <source>已超期 </source>
        <translation>Overdue </translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="55"/>
        <source>剩余 </source>
        <translation>Left </translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="97"/>
        <source>投诉详情 - {0}</source>
        <translation>Complaint details - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="108"/>
        <source>案件信息</source>
        <translation>Case information</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="110"/>
        <source>（暂停计时中）</source>
        <translation> (clock paused)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="112"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="112"/>
        <source>受理时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="113"/>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="113"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="114"/>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="223"/>
        <source>投诉类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="115"/>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="223"/>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="116"/>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="223"/>
        <source>处理等级</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="117"/>
        <source>当前阶段</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="118"/>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="224"/>
        <source>责任部门</source>
        <translation>Responsible dept.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="118"/>
        <source>归责员工</source>
        <translation>Responsible staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="119"/>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="224"/>
        <source>承办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="119"/>
        <source>最近时限</source>
        <translation>Next due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="120"/>
        <source>受理人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="120"/>
        <source>关联接待</source>
        <translation>Linked contact</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="121"/>
        <source>客户满意度</source>
        <translation>Customer satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="122"/>
        <source>客户确认</source>
        <translation>Customer confirmation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="122"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="125"/>
        <source>{0}：</source>
        <translation>{0}:</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="135"/>
        <source>投诉事由：</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="139"/>
        <source>时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="139"/>
        <source>起算</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="139"/>
        <source>截止时间</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="139"/>
        <source>完成时间</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="140"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="150"/>
        <source>阶段：</source>
        <translation>Stage: </translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="160"/>
        <source>各项时限（天数按工作日、小时按服务时间计算，暂停期间不计）</source>
        <translation>Deadlines (days are working days, hours are service hours; paused time not counted)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="169"/>
        <source>转入“{0}”</source>
        <translation>Moved to “{0}”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="187"/>
        <source>打印总结报告…</source>
        <translation>Print summary report…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="190"/>
        <source>总结报告导出 PDF…</source>
        <translation>Summary report as PDF…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="215"/>
        <source>已导出 {0}</source>
        <translation>Exported {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="220"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="163"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="163"/>
        <source>事项</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="163"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="163"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="172"/>
        <source>：{0}</source>
        <translation>: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="173"/>
        <source>{0} → {1}</source>
        <translation>{0} → {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="173"/>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="174"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="177"/>
        <source>上报：{0}</source>
        <translation>Reported to: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="179"/>
        <source>（承诺 {0} 前完成）</source>
        <translation> (promised by {0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_detail.py" line="182"/>
        <source>处理记录</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="26"/>
        <source>新建投诉</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="32"/>
        <source>如：王女士</source>
        <translation>e.g. Ms. Wang</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="35"/>
        <source>手机或座机，可不填</source>
        <translation>Mobile or landline, optional</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="38"/>
        <source>一句话概括投诉事由</source>
        <translation>The complaint in one sentence</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="50"/>
        <source>（暂不指定）</source>
        <translation>(not assigned yet)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="52"/>
        <source>（不归责到个人）</source>
        <translation>(no individual responsible)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="57"/>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="58"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="59"/>
        <source>投诉事由</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="60"/>
        <source>投诉内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="61"/>
        <source>投诉类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="62"/>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="63"/>
        <source>处理等级</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="64"/>
        <source>责任部门</source>
        <translation>Responsible dept.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_new.py" line="65"/>
        <source>归责员工</source>
        <translation>Responsible staff</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="58"/>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="85"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="60"/>
        <source>搜索编号、投诉人、电话或事由</source>
        <translation>Search by No., complainant, phone or subject</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="64"/>
        <source>全部阶段</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="66"/>
        <source>全部程度</source>
        <translation>All severities</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="68"/>
        <source>全部等级</source>
        <translation>All priorities</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="69"/>
        <source>未结案</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="70"/>
        <source>仅超期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="84"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="84"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="85"/>
        <source>推进</source>
        <translation>Advance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="86"/>
        <source>恢复</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="86"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="87"/>
        <source>结案</source>
        <translation>Close case</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="87"/>
        <source>分类指派</source>
        <translation>Classify</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="88"/>
        <source>审批方案</source>
        <translation>Approve plan</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="88"/>
        <source>上报领导</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="91"/>
        <source>时限标准…</source>
        <translation>Time limits…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="96"/>
        <source>推进到「归档总结」后，记录客户满意度并结案</source>
        <translation>After advancing to “Archive and review”, record customer satisfaction and close the case</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="97"/>
        <source>打印转办单</source>
        <translation>Print transfer slip</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="147"/>
        <source>请先在列表中选择一件投诉</source>
        <translation>Please select a complaint in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="160"/>
        <source>已受理投诉 {0}</source>
        <translation>Complaint {0} received</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="168"/>
        <source>已推进到下一阶段</source>
        <translation>Advanced to the next stage</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="171"/>
        <source>已暂停计时</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="171"/>
        <source>已恢复计时</source>
        <translation>Clock resumed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="171"/>
        <source>已添加备注</source>
        <translation>Note added</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="175"/>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="178"/>
        <source>分类已更新</source>
        <translation>Classification updated</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="181"/>
        <source>已审批方案</source>
        <translation>Plan approved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="184"/>
        <source>已记录上报</source>
        <translation>Report to leaders recorded</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/complaints_page.py" line="187"/>
        <source>时限标准已保存，新受理的投诉按新标准计时</source>
        <translation>Time limits saved; complaints opened from now on use them</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="46"/>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="189"/>
        <source>接待登记（新）</source>
        <translation>Contact log (new)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="53"/>
        <source>如 王女士，可不填</source>
        <translation>e.g. Ms Wang</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="57"/>
        <source>手机或座机；现场匿名可不填</source>
        <translation>Mobile or landline; optional for anonymous walk-ins</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="60"/>
        <source>客户的核心诉求（必填）</source>
        <translation>The customer&apos;s main request (required)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="64"/>
        <source>处理情况及结果；Ctrl+Enter 保存并办结</source>
        <translation>Handling and outcome; Ctrl+Enter saves and closes</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="72"/>
        <source>需后续跟进的事项</source>
        <translation>To follow up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="73"/>
        <source>（跟进人）</source>
        <translation>(owner)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="96"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="97"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="98"/>
        <source>客户称呼</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="99"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="101"/>
        <source>核心诉求</source>
        <translation>Main request</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="103"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="105"/>
        <source>回复方式</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="106"/>
        <source>承诺回复</source>
        <translation>Reply by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="107"/>
        <source>跟进事项</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="114"/>
        <source>跟进人/期限</source>
        <translation>Owner/due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="123"/>
        <source>保存 (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="126"/>
        <source>保存并办结 (Ctrl+Enter)</source>
        <translation>Save and close (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="129"/>
        <source>新登记 (Ctrl+N)</source>
        <translation>New entry (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="131"/>
        <source>清空 (Esc)</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="205"/>
        <source>编辑 {0}（首问负责人：{1}）</source>
        <translation>Edit {0} (first-contact owner: {1})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/contact_form.py" line="296"/>
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="31"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="31"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="32"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="32"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="33"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="33"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="34"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="65"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="88"/>
        <source>今日接待</source>
        <translation>Today&apos;s contacts</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="89"/>
        <source>投诉处理</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="90"/>
        <source>转办督办</source>
        <translation>Transfers</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="91"/>
        <source>回访</source>
        <translation>Return visits</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="92"/>
        <source>承诺与跟进（今日到期及已过）</source>
        <translation>Promises due (today or overdue)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="93"/>
        <source>维修工单</source>
        <translation>Repair orders</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="94"/>
        <source>退换货</source>
        <translation>Returns and exchanges</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="95"/>
        <source>考勤</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="96"/>
        <source>留言与值守</source>
        <translation>Messages and duties</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="97"/>
        <source>点击数字可打开相应的列表（已按条件筛选）。</source>
        <translation>Click a number to open its list, already filtered.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="137"/>
        <source>打开列表</source>
        <translation>Open the list</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="166"/>
        <source>工作台&#x3000;{0} {1}</source>
        <translation>Dashboard  {0} {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="167"/>
        <source>更新于 {0}</source>
        <translation>Updated {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="172"/>
        <source>打开节假日设置</source>
        <translation>Open the Holidays page</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="175"/>
        <source>接待总数</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="182"/>
        <source>未结案</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="183"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="185"/>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="186"/>
        <source>超期未答复</source>
        <translation>Overdue, no reply</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="189"/>
        <source>待回访</source>
        <translation>Visits due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="191"/>
        <source>答复到期</source>
        <translation>Replies due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="192"/>
        <source>跟进到期</source>
        <translation>Follow-ups due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="196"/>
        <source>已修好待通知</source>
        <translation>Repaired, to notify</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="196"/>
        <source>无法修复待通知</source>
        <translation>Unrepairable, to notify</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="197"/>
        <source>已通知待取件</source>
        <translation>Notified, awaiting pickup</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="202"/>
        <source>待主管审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="206"/>
        <source>今日迟到/早退/旷工</source>
        <translation>Late / early / absent today</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="210"/>
        <source>未阅留言</source>
        <translation>Unread messages</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="211"/>
        <source>求助处理中</source>
        <translation>Help calls open</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/dashboard_page.py" line="213"/>
        <source>漏做值守</source>
        <translation>Duties missed</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="38"/>
        <source>FrontDesk 首次使用：数据保存在哪里</source>
        <translation>FrontDesk first run: where the data is kept</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="38"/>
        <source>数据库连接</source>
        <translation>Database connection</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="43"/>
        <source>只有这一台电脑使用时，选“仅本机使用”：数据保存在本机的数据文件夹中，不需要其他软件。
站点有多台柜台电脑（或总部汇总各站点）时，由信息部门准备一台 PostgreSQL 数据库服务器，每台电脑都选“连接站点的数据库服务器”并填写同样的连接信息。</source>
        <translation>When only this computer is used, choose “This PC alone”: the data is kept in this computer’s data folder and nothing else is needed.
When the site has several counter PCs (or head office collects many sites), IT sets up a PostgreSQL database server and every PC chooses “Connect to the site’s database server” with the same connection details.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="47"/>
        <source>仅本机使用（数据保存在这台电脑上）</source>
        <translation>This PC alone (the data is kept on this computer)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="49"/>
        <source>连接站点的数据库服务器（多台柜台共用，PostgreSQL）</source>
        <translation>Connect to the site’s database server (shared by several counters, PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="59"/>
        <source>例如 192.168.1.10 或 db.site.local</source>
        <translation>e.g. 192.168.1.10 or db.site.local</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="66"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="67"/>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="68"/>
        <source>数据库名</source>
        <translation>Database name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="69"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="70"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="72"/>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="83"/>
        <source>本机没有可用的系统密钥环，密码保存在数据文件夹中只有当前用户可读的文件 {0}（权限 0600）；设置文件 settings.json 中不保存密码。</source>
        <translation>This computer has no usable system keyring: the password is kept in {0} in the data folder, readable by the current user only (mode 0600); settings.json never holds the password.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="86"/>
        <source>密码保存在系统密钥环（keyring）中；设置文件 settings.json 中不保存密码。</source>
        <translation>The password is kept in the system keyring; settings.json never holds the password.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="145"/>
        <source>数据库中已有站点 {0} 的数据：本机将与其他柜台共用这些数据。</source>
        <translation>The database already holds site {0}: this PC will share its data with the other counters.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="147"/>
        <source>数据库是空的：首次启动时会建立表结构，然后设置站点。</source>
        <translation>The database is empty: the first start creates its tables, then you set up the site.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="149"/>
        <source>数据库中已有 {0} 个表，但还没有设置站点。</source>
        <translation>The database has {0} tables but no site set up yet.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="150"/>
        <source>连接成功：PostgreSQL {0}。{1}</source>
        <translation>Connected: PostgreSQL {0}. {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="154"/>
        <source>连接失败：{0}</source>
        <translation>Connection failed: {0}</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/date_field.py" line="67"/>
        <source>未填写（如 1120、t、+3）</source>
        <translation>Not set (e.g. 1120, t, +3)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/date_field.py" line="67"/>
        <source>如 1120、t、+3</source>
        <translation>e.g. 1120, t, +3</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/date_field.py" line="68"/>
        <source>可输入 1120、11-20、20261120、2026-11-20；t 今天，+3 三天后，-1 昨天；Alt+↓ 打开日历</source>
        <translation>Type 1120, 11-20, 20261120 or 2026-11-20; t for today, +3 for three days on, -1 for yesterday; Alt+Down opens the calendar</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/date_field.py" line="69"/>
        <source>日历</source>
        <translation>Calendar</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="189"/>
        <source>协商结果 - {0}</source>
        <translation>Negotiation outcome - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="191"/>
        <source>{0}：{1}，实付 {2} 元</source>
        <translation>{0}: {1}, paid {2} yuan</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="195"/>
        <source>元，不超过实付金额</source>
        <translation>yuan, not more than the amount paid</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="196"/>
        <source>换货时填写换回的商品</source>
        <translation>For an exchange: the item given in return</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="198"/>
        <source>申请</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="199"/>
        <source>协商结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="200"/>
        <source>退款金额</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="201"/>
        <source>换回商品</source>
        <translation>Replacement item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="202"/>
        <source>协商经过</source>
        <translation>How it was agreed</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/department_edit.py" line="18"/>
        <source>编辑部门</source>
        <translation>Edit department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/department_edit.py" line="18"/>
        <source>新增部门</source>
        <translation>New department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/department_edit.py" line="25"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/department_edit.py" line="27"/>
        <source>部门名称</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/department_edit.py" line="28"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/department_edit.py" line="29"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>DepartmentsPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="27"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="27"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="40"/>
        <source>显示已停用</source>
        <translation>Show inactive</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="42"/>
        <source>新增部门</source>
        <translation>New department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="45"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/departments_page.py" line="73"/>
        <source>请先选择一个部门</source>
        <translation>Please select a department first</translation>
    </message>
</context>
<context>
    <name>DisciplinePage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="118"/>
        <source>申诉理由</source>
        <translation>Appeal reason</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="42"/>
        <source>搜索编号、员工、条款或情况</source>
        <translation>Search number, staff, rule or description</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="45"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="53"/>
        <source>登记违纪</source>
        <translation>Record incident</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="54"/>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="55"/>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="118"/>
        <source>申诉</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="56"/>
        <source>处理申诉</source>
        <translation>Decide appeal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="57"/>
        <source>撤销</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="58"/>
        <source>修改记录</source>
        <translation>Change log</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="68"/>
        <source>违纪记录</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="69"/>
        <source>月度罚款表</source>
        <translation>Monthly fine sheet</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="73"/>
        <source>辞退建议</source>
        <translation>Dismissal proposals</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="97"/>
        <source>请先在列表中选择一条违纪记录</source>
        <translation>Select an incident in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="108"/>
        <source>已登记违纪</source>
        <translation>Incident recorded</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="114"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="120"/>
        <source>申诉已提交，等待主管处理</source>
        <translation>Appeal submitted, waiting for the manager</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="128"/>
        <source>只有“申诉中”的记录需要处理申诉</source>
        <translation>Only incidents under appeal need an appeal decision</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="131"/>
        <source>申诉已处理</source>
        <translation>Appeal decided</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="136"/>
        <source>撤销违纪记录</source>
        <translation>Revoke incident</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="136"/>
        <source>撤销原因</source>
        <translation>Reason for revoking</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/discipline_page.py" line="138"/>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
</context>
<context>
    <name>DismissalTab</name>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="155"/>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="155"/>
        <source>违纪编号</source>
        <translation>Incident number</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="155"/>
        <source>条款</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="155"/>
        <source>情况</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="156"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="164"/>
        <source>按“情节严重者辞退”或“并予辞退”条款登记的违纪，须由主管决定是否辞退。</source>
        <translation>Incidents under rules flagged for dismissal need the manager to decide on dismissal.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="165"/>
        <source>同意辞退</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="165"/>
        <source>不予辞退</source>
        <translation>Do not dismiss</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="183"/>
        <source>请先选择一条辞退建议</source>
        <translation>Select a dismissal proposal first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="186"/>
        <source>辞退建议</source>
        <translation>Dismissal proposals</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="186"/>
        <source>意见</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>DutyItemDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="22"/>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="226"/>
        <source>每个班次</source>
        <translation>Every shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="29"/>
        <source>编辑值守事项</source>
        <translation>Edit duty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="29"/>
        <source>新增值守事项</source>
        <translation>New duty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="34"/>
        <source>如 抄早电表、开启区域照明</source>
        <translation>e.g. Read the electricity meter, Lights on</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="40"/>
        <source>时:分，如 08:30；不填即本班内任意时间</source>
        <translation>hh:mm, e.g. 08:30; empty: any time in the shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="41"/>
        <source>需要记录读数</source>
        <translation>Record a reading</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="46"/>
        <source>如 kWh、℃</source>
        <translation>e.g. kWh, ℃</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="49"/>
        <source>做法或时间表，如 课程表：19:00 动感单车</source>
        <translation>How, or a timetable, e.g. Classes: 19:00 spinning</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="50"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="55"/>
        <source>值守事项</source>
        <translation>Duty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="56"/>
        <source>班次</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="57"/>
        <source>应完成时间</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="59"/>
        <source>读数单位</source>
        <translation>Reading unit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="60"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="61"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>DutyPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="97"/>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="138"/>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="157"/>
        <source>班次</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="103"/>
        <source>完成…</source>
        <translation>Done…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="104"/>
        <source>撤销打勾</source>
        <translation>Undo tick</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="105"/>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="138"/>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="157"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="105"/>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="157"/>
        <source>值守事项</source>
        <translation>Duty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="105"/>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="157"/>
        <source>读数</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="105"/>
        <source>完成人</source>
        <translation>Done by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="106"/>
        <source>完成时间</source>
        <translation>Done at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="106"/>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="158"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="113"/>
        <source>本班清单</source>
        <translation>This shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="121"/>
        <source>全部记录</source>
        <translation>All records</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="121"/>
        <source>只看读数</source>
        <translation>Readings only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="122"/>
        <source>漏做（已登记违纪）</source>
        <translation>Missed (incident recorded)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="127"/>
        <source>值守记录与读数</source>
        <translation>Record and readings</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="137"/>
        <source>登记 W08…</source>
        <translation>Record W08…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="138"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="138"/>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="146"/>
        <source>漏做事项</source>
        <translation>Missed duty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="139"/>
        <source>当班员工</source>
        <translation>On shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="139"/>
        <source>违纪</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="153"/>
        <source>本站的值守清单（默认为前台运营要求）</source>
        <translation>This site&apos;s duty checklist (defaults: front-desk operating rules)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="154"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="155"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="156"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="158"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="165"/>
        <source>清单设置</source>
        <translation>Checklist set-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="198"/>
        <source>（需读数）</source>
        <translation>(reading needed)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="201"/>
        <source>漏做：{0}</source>
        <translation>Missed: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="208"/>
        <source>已完成 {0} / {1} 项</source>
        <translation>{0} of {1} done</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="209"/>
        <source>本班次没有值守事项</source>
        <translation>No duties on this shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="216"/>
        <source>已登记</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="219"/>
        <source>近 {0} 天结束的班次中有 {1} 项值守未完成，其中 {2} 项未处理</source>
        <translation>Shifts that ended in the last {0} days left {1} duties undone; {2} not dealt with yet</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="228"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="228"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="241"/>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="255"/>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="289"/>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="297"/>
        <source>请先选择一项值守事项</source>
        <translation>Select a duty first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="245"/>
        <source>该事项本班已记录</source>
        <translation>This duty is already recorded for the shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="250"/>
        <source>已完成：{0}</source>
        <translation>Done: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="258"/>
        <source>撤销“{0}”的打勾吗？</source>
        <translation>Undo the tick of &quot;{0}&quot;?</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="266"/>
        <source>请先选择一项漏做事项</source>
        <translation>Select a missed duty first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="270"/>
        <source>该漏做事项已登记违纪</source>
        <translation>An incident is already recorded for this missed duty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="273"/>
        <source>该班次没有排班员工，请在违纪罚款页面登记</source>
        <translation>Nobody was scheduled on that shift; record it on the Discipline page</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="277"/>
        <source>已登记 W08 违纪，待确认</source>
        <translation>W08 incident recorded, awaiting confirmation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/duty_page.py" line="298"/>
        <source>删除值守事项“{0}”吗？</source>
        <translation>Delete the duty &quot;{0}&quot;?</translation>
    </message>
</context>
<context>
    <name>DutyTickDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="77"/>
        <source>完成值守事项</source>
        <translation>Duty done</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="83"/>
        <source>事项</source>
        <translation>Duty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="88"/>
        <source>班次</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="91"/>
        <source>如 12345.6</source>
        <translation>e.g. 12345.6</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="93"/>
        <source>读数（{0}）</source>
        <translation>Reading ({0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="93"/>
        <source>读数</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="97"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="92"/>
        <source>上报领导 - {0}</source>
        <translation>Report to leaders - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="97"/>
        <source>如：公司分管副总 张总</source>
        <translation>e.g. Deputy GM Zhang</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="98"/>
        <source>上报方式与内容（可不填）</source>
        <translation>How and what was reported (optional)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="99"/>
        <source>上报对象</source>
        <translation>Reported to</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_handling.py" line="100"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="46"/>
        <source>期间：{0} 至 {1}</source>
        <translation>Period: {0} to {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="48"/>
        <source>违纪：{0} 次，罚款 ¥{1}</source>
        <translation>Discipline: {0} incident(s), fines ¥{1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="53"/>
        <source>考勤异常：迟到 {0}，早退 {1}，旷工 {2}</source>
        <translation>Attendance: late {0}, left early {1}, absent {2}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="56"/>
        <source>违纪与考勤：模块未启用，无记录</source>
        <translation>Discipline and attendance: module not in use, no records</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="57"/>
        <source>归责投诉：{0} 件</source>
        <translation>Complaints attributed: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="61"/>
        <source>顾客评价：满意 {0}，基本满意 {1}，不满意 {2}</source>
        <translation>Customer ratings: satisfied {0}, fairly satisfied {1}, dissatisfied {2}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="64"/>
        <source>满意率：{0}</source>
        <translation>Satisfaction rate: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="64"/>
        <source>无评价</source>
        <translation>no ratings</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="67"/>
        <source>培训（业务知识）：参加 {0} 次 {1} 学时，缺勤 {2} 次，平均成绩 {3}，不及格 {4} 次</source>
        <translation>Training (business knowledge): attended {0} times, {1} hours; absent {2}; average score {3}; failed {4}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="74"/>
        <source>礼仪自查：完成 {0}/{1}，“否” {2} 项</source>
        <translation>Etiquette self-checks: {0}/{1} done, {2} “No” answer(s)</translation>
    </message>
</context>
<context>
    <name>ExportRunner</name>
    <message>
        <location filename="../../frontdesk/ui/file_dialogs.py" line="87"/>
        <location filename="../../frontdesk/ui/list_export_action.py" line="38"/>
        <source>导出Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/file_dialogs.py" line="93"/>
        <source>导出PDF</source>
        <translation>Export PDF</translation>
    </message>
</context>
<context>
    <name>ExpresswayPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="47"/>
        <source>搜索车牌、编号、情况或桩号（附近 2 公里）</source>
        <translation>Search plate, number, text or stake (within 2 km)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="49"/>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="63"/>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="50"/>
        <source>全部结果</source>
        <translation>All outcomes</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="52"/>
        <source>求助登记</source>
        <translation>New help call</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="62"/>
        <source>搜索标题或内容</source>
        <translation>Search title or content</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="64"/>
        <source>全部渠道</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="65"/>
        <source>公告登记</source>
        <translation>New notice</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="77"/>
        <source>求助记录</source>
        <translation>Help calls</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="78"/>
        <source>公告宣传</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="84"/>
        <source>处置/编辑</source>
        <translation>Follow up / edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="86"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="97"/>
        <source>覆盖合计 {0} 人次</source>
        <translation>Total reach {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="102"/>
        <source>请先在列表中选择一条记录</source>
        <translation>Select a record in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="107"/>
        <source>已登记求助</source>
        <translation>Help call recorded</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="113"/>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="131"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="118"/>
        <source>删除求助记录 {0} 吗？</source>
        <translation>Delete help call {0}?</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="125"/>
        <source>已登记公告</source>
        <translation>Notice logged</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/expressway_page.py" line="136"/>
        <source>删除公告“{0}”吗？</source>
        <translation>Delete the notice “{0}”?</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="139"/>
        <source>添加检查发现</source>
        <translation>Add a finding</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="144"/>
        <source>（不针对个人）</source>
        <translation>(not about one person)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="149"/>
        <source>如 顾客进门 20 秒无人问好</source>
        <translation>e.g. Nobody greeted the customer for 20 seconds</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="157"/>
        <source>不填即按条款最低金额</source>
        <translation>Empty: the rule&apos;s lowest amount</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="160"/>
        <source>如 示范三声问好，下周复查</source>
        <translation>e.g. Showed the standard greeting, check again next week</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="161"/>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="163"/>
        <source>发现的问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="164"/>
        <source>处理方式</source>
        <translation>Leads to</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="165"/>
        <source>违纪条款</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="166"/>
        <source>罚款金额（元）</source>
        <translation>Fine (yuan)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="167"/>
        <source>辅导内容</source>
        <translation>Coaching note</translation>
    </message>
</context>
<context>
    <name>FineRuleDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="183"/>
        <source>修改罚款标准</source>
        <translation>Change fine rule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="183"/>
        <source>新增罚款条款</source>
        <translation>New fine rule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="198"/>
        <source>迟到分档，如 15:10, 30:20, 60:50（分钟:元）</source>
        <translation>Lateness tiers, e.g. 15:10, 30:20, 60:50 (minutes:yuan)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="207"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="207"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="208"/>
        <source>违纪行为</source>
        <translation>Offence</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="208"/>
        <source>罚款下限（元）</source>
        <translation>Minimum fine (yuan)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="209"/>
        <source>罚款上限（元）</source>
        <translation>Maximum fine (yuan)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="209"/>
        <source>计罚方式</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="210"/>
        <source>辞退</source>
        <translation>Dismissal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="210"/>
        <source>分档</source>
        <translation>Tiers</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="211"/>
        <source>生效日期</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="211"/>
        <source>修改说明</source>
        <translation>Change note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="219"/>
        <source>分档格式为 分钟:金额，用逗号分隔</source>
        <translation>Tiers are minutes:amount, separated by commas</translation>
    </message>
</context>
<context>
    <name>FineRulesPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_rules_page.py" line="34"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_rules_page.py" line="34"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_rules_page.py" line="34"/>
        <source>违纪行为</source>
        <translation>Offence</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_rules_page.py" line="34"/>
        <source>罚款（元）</source>
        <translation>Fine (yuan)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_rules_page.py" line="35"/>
        <source>辞退</source>
        <translation>Dismissal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_rules_page.py" line="35"/>
        <source>迟到分档（分钟:元）</source>
        <translation>Lateness tiers (min:yuan)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_rules_page.py" line="35"/>
        <source>生效日期</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_rules_page.py" line="36"/>
        <source>修改人</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_rules_page.py" line="46"/>
        <source>修改标准会生成新版本并从生效日期起适用；此前登记的违纪保持原金额。</source>
        <translation>A change creates a new version that applies from its effective date; incidents recorded earlier keep their amounts.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_rules_page.py" line="48"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_rules_page.py" line="48"/>
        <source>新增条款</source>
        <translation>New rule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_rules_page.py" line="48"/>
        <source>历史版本</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_rules_page.py" line="66"/>
        <source>请先选择一条罚款标准</source>
        <translation>Select a fine rule first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_rules_page.py" line="73"/>
        <source>已保存新版本</source>
        <translation>New version saved</translation>
    </message>
</context>
<context>
    <name>FineSheetTab</name>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="60"/>
        <source>工号</source>
        <translation>Staff No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="60"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="60"/>
        <source>已确认条数</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="61"/>
        <source>罚款合计（元）</source>
        <translation>Total fines (yuan)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="61"/>
        <source>待处理条数</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="69"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="74"/>
        <source>签字确认</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="74"/>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="75"/>
        <source>导出Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="75"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="76"/>
        <source>签字记录</source>
        <translation>Sign-off log</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="89"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="98"/>
        <source>已签字锁定：{0}，{1}</source>
        <translation>Signed off and locked: {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="100"/>
        <source>未签字</source>
        <translation>Not signed off</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="100"/>
        <source>（重新打开原因：{0}）</source>
        <translation>(reopened: {0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="109"/>
        <source>签字确认 {0} 的罚款表？签字后该月的违纪、罚款与考勤将被锁定。</source>
        <translation>Sign off the fine sheet for {0}? Incidents, fines and attendance of that month will be locked.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="113"/>
        <source>{0} 罚款表已签字锁定</source>
        <translation>Fine sheet {0} signed off and locked</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="118"/>
        <source>重新打开 {0}</source>
        <translation>Reopen {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="118"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="133"/>
        <source>罚款表-{0}.xlsx</source>
        <translation>fines-{0}.xlsx</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="137"/>
        <source>正在导出 {0} 罚款表</source>
        <translation>Exporting the {0} fine sheet</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/fine_sheet_tab.py" line="139"/>
        <source>已导出 {0} 条违纪明细到 {1}</source>
        <translation>Exported {0} incident(s) to {1}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="191"/>
        <source>FrontDesk 首次使用设置</source>
        <translation>FrontDesk first-run setup</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="194"/>
        <source>欢迎使用 FrontDesk 客服前台管理系统。
请填写本服务台的站点信息，并设置管理员账户。站点代码会出现在所有单据编号的开头，设定后不能修改。</source>
        <translation>Welcome to FrontDesk, the service-desk management system.
Please enter this desk&apos;s site details and set up the administrator account. The site code prefixes every document number and cannot be changed later.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="201"/>
        <source>例如 S01</source>
        <translation>e.g. S01</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="205"/>
        <source>例如 金华服务区客服中心</source>
        <translation>e.g. Jinhua Service Area Customer Center</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="208"/>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="233"/>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="218"/>
        <source>站点代码</source>
        <translation>Site code</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="219"/>
        <source>站点名称</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="220"/>
        <source>管理员账户</source>
        <translation>Admin account</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="221"/>
        <source>管理员姓名</source>
        <translation>Admin name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="222"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="223"/>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/first_run.py" line="227"/>
        <source>两次输入的密码不一致</source>
        <translation>The passwords do not match</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/screenshots.py" line="115"/>
        <source>站点代码为 2–8 位大写字母或数字，以字母开头，例如 S01</source>
        <translation>The site code is 2–8 uppercase letters or digits, starting with a letter, e.g. S01</translation>
    </message>
</context>
<context>
    <name>ForbiddenDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="58"/>
        <source>编辑服务忌语</source>
        <translation>Edit forbidden phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="58"/>
        <source>新增服务忌语</source>
        <translation>New forbidden phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="67"/>
        <source>检查登记文字（回复、处理情况中出现时提醒）</source>
        <translation>Check entered text (warn when it appears in replies or handling notes)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="71"/>
        <source>忌语</source>
        <translation>Forbidden phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="72"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="73"/>
        <source>文字检查</source>
        <translation>Text check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="74"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ForbiddenWatcher</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/phrase_panel.py" line="154"/>
        <source>含服务忌语：{0}（请改用规范用语）</source>
        <translation>Contains forbidden phrase: {0} (please use standard phrases instead)</translation>
    </message>
</context>
<context>
    <name>GraceDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="204"/>
        <source>考勤设置</source>
        <translation>Attendance settings</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="209"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="211"/>
        <source>迟到宽限</source>
        <translation>Lateness grace</translation>
    </message>
</context>
<context>
    <name>HandoverAckDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="157"/>
        <source>接班确认</source>
        <translation>Acknowledge handover</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="159"/>
        <source>{0} {1} 交班人：{2}</source>
        <translation>{0} {1}, handed over by {2}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="168"/>
        <source>接班人</source>
        <translation>Incoming clerk</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="169"/>
        <source>接班人密码</source>
        <translation>Incoming clerk&apos;s password</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="34"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="34"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="35"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="35"/>
        <source>事由</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="36"/>
        <source>开始/到期时间</source>
        <translation>Since / due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="63"/>
        <source>{0} {1} 件</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="73"/>
        <source>交班</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="82"/>
        <source>（到岗后确认）</source>
        <translation>(confirmed on arrival)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="91"/>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="125"/>
        <source>重大事件</source>
        <translation>Major events</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="91"/>
        <source>处理人</source>
        <translation>Resolved by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="91"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="91"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="101"/>
        <source>添加事件</source>
        <translation>Add event</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="119"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="120"/>
        <source>班次</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="121"/>
        <source>接班人</source>
        <translation>Incoming clerk</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="122"/>
        <source>未办结事项</source>
        <translation>Open items</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="124"/>
        <source>未完成值守</source>
        <translation>Duties not done</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="126"/>
        <source>交接备注</source>
        <translation>Handover notes</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/handover_page.py" line="43"/>
        <source>接班确认</source>
        <translation>Acknowledge handover</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/handover_page.py" line="33"/>
        <source>未确认</source>
        <translation>Not acknowledged</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/handover_page.py" line="34"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/handover_page.py" line="37"/>
        <source>全部记录</source>
        <translation>All records</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/handover_page.py" line="37"/>
        <source>待接班确认</source>
        <translation>Awaiting acknowledgment</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/handover_page.py" line="42"/>
        <source>交班</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/handover_page.py" line="43"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/handover_page.py" line="44"/>
        <source>留言</source>
        <translation>Leave a message</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/handover_page.py" line="75"/>
        <source>以下班次结束后没有交接班记录：{0}</source>
        <translation>These shifts ended without a handover: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/handover_page.py" line="84"/>
        <source>请先在列表中选择一条交接班记录</source>
        <translation>Select a handover in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/handover_page.py" line="89"/>
        <source>已交班，等待接班人确认</source>
        <translation>Handed over, waiting for the incoming clerk</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/handover_page.py" line="97"/>
        <source>该交接班已确认</source>
        <translation>This handover is already acknowledged</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/handover_page.py" line="100"/>
        <source>已确认接班</source>
        <translation>Handover acknowledged</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/handover_page.py" line="105"/>
        <source>已留言，对方登录时会看到</source>
        <translation>Message left; they will see it when they sign in</translation>
    </message>
</context>
<context>
    <name>HandoverViewDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="179"/>
        <source>交接班记录</source>
        <translation>Handover record</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="181"/>
        <source>未确认</source>
        <translation>Not acknowledged</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="182"/>
        <source>班次</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="183"/>
        <source>交班 / 接班</source>
        <translation>Outgoing / incoming</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="184"/>
        <source>交班 / 接班时间</source>
        <translation>Handed over / acknowledged</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="187"/>
        <source>未办结事项</source>
        <translation>Open items</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="191"/>
        <source>未完成值守</source>
        <translation>Duties not done</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="192"/>
        <source>{0} {1}（{2}）：{3}</source>
        <translation>{0} {1} ({2}): {3}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="195"/>
        <source>重大事件</source>
        <translation>Major events</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/handover_edit.py" line="198"/>
        <source>交接备注</source>
        <translation>Handover notes</translation>
    </message>
</context>
<context>
    <name>HelpCallDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="35"/>
        <source>求助处置</source>
        <translation>Help call follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="35"/>
        <source>求助登记</source>
        <translation>New help call</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="43"/>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="66"/>
        <source>来电号码</source>
        <translation>Caller number</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="44"/>
        <source>如 浙G12345，新能源 浙GD12345</source>
        <translation>e.g. 浙G12345, new-energy 浙GD12345</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="45"/>
        <source>（不详）</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="47"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="49"/>
        <source>如 K123+400</source>
        <translation>e.g. K123+400</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="50"/>
        <source>附近的收费站、服务区、隧道、桥梁</source>
        <translation>Nearby toll station, service area, tunnel, bridge</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="54"/>
        <source>车辆和人员情况：故障/事故经过、伤员、是否已放置警示标志</source>
        <translation>Vehicle and people: what happened, injuries, warning triangle placed?</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="56"/>
        <source>如 清障车、120 救护车、路政、交警</source>
        <translation>e.g. tow truck, 120 ambulance, road administration, traffic police</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="61"/>
        <source>处置经过与结果</source>
        <translation>What was done and how it ended</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="65"/>
        <source>求助类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="65"/>
        <source>求助时间</source>
        <translation>Call time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="66"/>
        <source>车牌号</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="67"/>
        <source>车型</source>
        <translation>Vehicle type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="67"/>
        <source>行驶方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="68"/>
        <source>桩号</source>
        <translation>Stake</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="68"/>
        <source>位置说明</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="69"/>
        <source>求助情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="70"/>
        <source>派遣</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="70"/>
        <source>派遣时间</source>
        <translation>Dispatched at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="71"/>
        <source>处置结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="71"/>
        <source>结果说明</source>
        <translation>Outcome note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/help_call_edit.py" line="72"/>
        <source>完毕时间</source>
        <translation>Closed at</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="161"/>
        <location filename="../../frontdesk/ui/pages/training_page.py" line="107"/>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="166"/>
        <source>还没有已评分的考核</source>
        <translation>No scored assessments yet</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="194"/>
        <source>{0} 的考核得分</source>
        <translation>Assessment scores of {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/training_page.py" line="137"/>
        <source>共 {0} 次培训，出勤 {1} 次，累计 {2} 学时</source>
        <translation>{0} sessions, present at {1}, {2} hours in all</translation>
    </message>
</context>
<context>
    <name>HolidayDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="20"/>
        <source>修改节假日设置</source>
        <translation>Edit holiday setting</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="20"/>
        <source>新增节假日设置</source>
        <translation>New holiday setting</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="25"/>
        <source>放假（不计工作日）</source>
        <translation>Day off (not a working day)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="25"/>
        <source>上班（调休工作日）</source>
        <translation>Working day (make-up workday)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="31"/>
        <source>如：国庆节、春节调休、本站店庆</source>
        <translation>e.g. National Day, Spring Festival make-up day, site anniversary</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="32"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="33"/>
        <source>当天</source>
        <translation>Day type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_edit.py" line="34"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>HolidayImportDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="17"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="18"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="19"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="20"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="21"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="22"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="23"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="31"/>
        <source>导入放假安排 — 预览</source>
        <translation>Import holiday schedule — preview</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="32"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="36"/>
        <source>文件“{0}”：{1} 年的放假安排，共 {2} 天</source>
        <translation>File “{0}”: the holiday schedule of {1}, {2} days</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="37"/>
        <source>新增 {0}，更新 {1}，不变 {2}；文件中没有的本站调整保持不变。</source>
        <translation>New {0}, updated {1}, unchanged {2}; this site&apos;s own adjustments not in the file stay as they are.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="39"/>
        <source>导入后 {0} 年按此安排计算工作日，未结投诉的时限随之重新计算。</source>
        <translation>After the import, working days of {0} follow this schedule and open complaint deadlines are recomputed.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="48"/>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="48"/>
        <source>上班（调休）</source>
        <translation>Working day (make-up)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="51"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="51"/>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="51"/>
        <source>不变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="52"/>
        <source>条</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="52"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="52"/>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="52"/>
        <source>当天</source>
        <translation>The day</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="52"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="52"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/holiday_import.py" line="59"/>
        <source>（原为{0}）</source>
        <translation> (was: {0})</translation>
    </message>
</context>
<context>
    <name>HolidaysPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="37"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="38"/>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="39"/>
        <source>当天</source>
        <translation>Day type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="40"/>
        <source>上班（调休）</source>
        <translation>Working (make-up)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="40"/>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="41"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="43"/>
        <source>按年份查看</source>
        <translation>View by year</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="48"/>
        <source>年份 </source>
        <translation>Year </translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="55"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="58"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="60"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="62"/>
        <source>导入放假安排…</source>
        <translation>Import schedule…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="64"/>
        <source>导入 holiday-cn 格式的 JSON 或 .ics 日历：程序未内置的年份也能按法定放假安排计算</source>
        <translation>Import a holiday-cn JSON file or an .ics calendar: years without built-in data are then counted by the statutory schedule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="69"/>
        <source>本年放假安排已完整（已导入或逐日录入）</source>
        <translation>This year&apos;s schedule is complete (imported or entered)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="71"/>
        <source>勾选后本年不再按周一至周五计算、不再提示缺少节假日数据</source>
        <translation>When ticked, this year is no longer counted Monday–Friday and no missing-holiday warning is shown</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="104"/>
        <source>{0} 年的放假安排已导入（或已录入完整），共 {1} 条：工作日按这些日期计算。</source>
        <translation>The holiday schedule of {0} is imported (or fully entered), {1} entries: working days are counted by these dates.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="109"/>
        <source>{0} 年的法定节假日数据未内置，目前按周一至周五计算工作日（已录入 {1} 条调整）。请点“导入放假安排…”导入国务院公布的安排（holiday-cn 的 JSON 或 .ics），或逐日录入放假和调休上班日期后勾选“本年放假安排已完整”。</source>
        <translation>The statutory holidays of {0} are not built in; working days are counted Monday–Friday for now ({1} adjustments entered). Click &quot;Import schedule…&quot; to import the State Council schedule (holiday-cn JSON or .ics), or enter the days off and make-up working days one by one and tick &quot;This year&apos;s schedule is complete&quot;.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="100"/>
        <source>{0} 年的法定节假日和调休已内置；这里只需录入本站特有的调整。</source>
        <translation>Public holidays and make-up workdays for {0} are built in; only enter this site&apos;s own adjustments here.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="116"/>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="164"/>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="172"/>
        <source>已保存，投诉时限已按新的日历重新计算</source>
        <translation>Saved; complaint time limits were recalculated with the new calendar</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="139"/>
        <source>已导入 {0}：新增 {1}，更新 {2}；投诉时限已按新的日历重新计算</source>
        <translation>Imported {0}: {1} new, {2} updated; complaint deadlines recomputed with the new calendar</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="147"/>
        <source>第 {0} 条 {1}</source>
        <translation>Entry {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="149"/>
        <source>
……共 {0} 处问题</source>
        <translation>
… {0} problems in all</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="150"/>
        <source>文件未导入，节假日设置没有任何改动。

{0}{1}</source>
        <translation>The file was not imported; the holiday settings are unchanged.

{0}{1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="151"/>
        <source>文件被拒绝</source>
        <translation>File refused</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="169"/>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="177"/>
        <source>请先选择一条设置</source>
        <translation>Please select a setting first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="179"/>
        <source>删除 {0} 的设置吗？</source>
        <translation>Delete the setting for {0}?</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/holidays_page.py" line="183"/>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/file_dialogs.py" line="98"/>
        <source>选择放假安排文件</source>
        <translation>Choose a holiday schedule file</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/file_dialogs.py" line="99"/>
        <source>放假安排 (*.json *.ics);;所有文件 (*)</source>
        <translation>Holiday schedules (*.json *.ics);;All files (*)</translation>
    </message>
</context>
<context>
    <name>HotWordsDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/hot_words_edit.py" line="25"/>
        <source>热点词典</source>
        <translation>Hot-topic dictionary</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/hot_words_edit.py" line="28"/>
        <source>每周分析的“热点问题”按词统计。站点词典里的词不会被拆开（如 道闸、充电桩、扫码支付）；停用词不计入热点（如 顾客、反映、要求）。词之间用空格、逗号或换行分隔。</source>
        <translation>The weekly analysis counts hot topics by word. Words in the site dictionary are never split (e.g. 道闸 barrier gate, 充电桩 charging pile, 扫码支付 QR payment); stop words are not counted (e.g. 顾客, 反映, 要求). Separate words with spaces, commas or new lines.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/hot_words_edit.py" line="34"/>
        <source>站点词典</source>
        <translation>Site dictionary</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/hot_words_edit.py" line="35"/>
        <source>停用词</source>
        <translation>Stop words</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/hot_words_edit.py" line="36"/>
        <source>恢复默认</source>
        <translation>Restore defaults</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="81"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="93"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="93"/>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="93"/>
        <source>不变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="95"/>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="101"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="95"/>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="95"/>
        <source>违规行为</source>
        <translation>Offence</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="95"/>
        <source>生效日期</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="101"/>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="101"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="95"/>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="101"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="96"/>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="101"/>
        <source>变更</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="44"/>
        <source>登记违纪</source>
        <translation>Record incident</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="55"/>
        <source>输入工号或姓名筛选，回车勾选第一位</source>
        <translation>Type a staff no. or name to filter; Enter ticks the first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="72"/>
        <source>{0} {1}（{2} 元）</source>
        <translation>{0} {1} (¥{2})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="82"/>
        <source>如：监控截图、顾客投诉单号、在场证人</source>
        <translation>e.g. CCTV still, complaint number, witnesses</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="83"/>
        <source>情节严重（可提出辞退建议）</source>
        <translation>Serious (may lead to a dismissal proposal)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="84"/>
        <source>登记后直接确认</source>
        <translation>Confirm on saving</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="85"/>
        <source>违纪员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="86"/>
        <source>发生时间</source>
        <translation>Occurred at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="87"/>
        <source>违纪条款</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="88"/>
        <source>次数</source>
        <translation>Times</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="89"/>
        <source>罚款（元/人）</source>
        <translation>Fine (yuan per person)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="90"/>
        <source>情况说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="91"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="121"/>
        <source>已选 {0} 人</source>
        <translation>{0} selected</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="61"/>
        <source>新增监督检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="71"/>
        <source>巡查的主管，或暗访员/机构</source>
        <translation>The inspecting manager, or the mystery shopper / agency</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="72"/>
        <source>（前台整体）</source>
        <translation>(the desk as a whole)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="76"/>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="76"/>
        <source>检查项目</source>
        <translation>Checklist line</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="83"/>
        <source>添加一项</source>
        <translation>Add a line</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="93"/>
        <source>录音录像文件的路径，如 \\nas\录音\2026-11-18\前台.mp3</source>
        <translation>Path of the recording, e.g. \\nas\recordings\2026-11-18\desk.mp3</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="94"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="97"/>
        <source>检查方式</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="98"/>
        <source>检查时间</source>
        <translation>Inspected at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="99"/>
        <source>检查人</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="100"/>
        <source>被检查员工</source>
        <translation>Staff inspected</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="101"/>
        <source>检查清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="102"/>
        <source>检查小结</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="103"/>
        <source>录音录像</source>
        <translation>Recording</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="122"/>
        <source>选择录音录像文件</source>
        <translation>Choose the recording file</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="123"/>
        <source>录音录像 (*.mp3 *.wav *.m4a *.amr *.mp4 *.avi *.mov);;所有文件 (*)</source>
        <translation>Recordings (*.mp3 *.wav *.m4a *.amr *.mp4 *.avi *.mov);;All files (*)</translation>
    </message>
</context>
<context>
    <name>InspectionViewDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="192"/>
        <source>监督检查记录</source>
        <translation>Inspection record</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="194"/>
        <source>检查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="196"/>
        <source>被检查员工</source>
        <translation>Staff inspected</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="196"/>
        <source>（前台整体）</source>
        <translation>(the desk as a whole)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="199"/>
        <source>检查清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="202"/>
        <source>检查小结</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="205"/>
        <source>录音录像</source>
        <translation>Recording</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="208"/>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="208"/>
        <source>发现的问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="208"/>
        <source>处理方式</source>
        <translation>Leads to</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="208"/>
        <source>违纪/辅导</source>
        <translation>Incident / coaching</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="218"/>
        <source>检查发现</source>
        <translation>Findings</translation>
    </message>
</context>
<context>
    <name>KbSuggestPanel</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/kb_suggest.py" line="34"/>
        <source>业务知识</source>
        <translation>Knowledge</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/kb_suggest.py" line="51"/>
        <source>填入 (Alt+Enter)</source>
        <translation>Use (Alt+Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/kb_suggest.py" line="55"/>
        <source>Alt+↓/↑ 在诉求栏中选择知识，Alt+Enter 把答复填入处理结果（并复制）</source>
        <translation>Alt+↓/↑ in the request field picks an article; Alt+Enter puts its answer into the handling text (and copies it)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/kb_suggest.py" line="56"/>
        <location filename="../../frontdesk/ui/widgets/kb_suggest.py" line="113"/>
        <source>输入诉求后显示相关知识</source>
        <translation>Articles matching the request show here</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/kb_suggest.py" line="113"/>
        <source>没有相关知识</source>
        <translation>No matching article</translation>
    </message>
</context>
<context>
    <name>KeyCustomerDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="19"/>
        <source>编辑重点客户</source>
        <translation>Edit key customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="19"/>
        <source>新增重点客户</source>
        <translation>New key customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="26"/>
        <source>单位或个人，如 金华物流有限公司</source>
        <translation>Company or individual, e.g. Jinhua Logistics Co., Ltd.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="36"/>
        <source>如 车队规模、常走路段、联系人</source>
        <translation>e.g. fleet size, usual routes, contact person</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="37"/>
        <source>客户名称</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="38"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="39"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/key_customer_edit.py" line="40"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>KnowledgePage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="50"/>
        <source>搜索标题、关键词或答复内容</source>
        <translation>Search title, keywords or answer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="52"/>
        <source>全部分类</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="57"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="66"/>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="66"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="67"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="68"/>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="91"/>
        <source>复制答复</source>
        <translation>Copy answer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="125"/>
        <source>选择一条知识查看答复</source>
        <translation>Select an article to read its answer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="142"/>
        <source>答复已复制</source>
        <translation>Answer copied</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="147"/>
        <source>请先在列表中选择一条知识</source>
        <translation>Select an article in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="152"/>
        <source>已新增知识条目</source>
        <translation>Article added</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="158"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="163"/>
        <source>删除知识条目“{0}”吗？</source>
        <translation>Delete the article “{0}”?</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="166"/>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="172"/>
        <source>选择要导入的知识库表格</source>
        <translation>Choose the knowledge base sheet to import</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="180"/>
        <source>
……共 {0} 处问题</source>
        <translation>
… {0} problems in all</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="181"/>
        <source>文件未导入，数据库没有任何改动。

{0}{1}</source>
        <translation>The file was not imported; nothing in the database changed.

{0}{1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="181"/>
        <source>文件被拒绝</source>
        <translation>File refused</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="186"/>
        <source>工作表“{0}”：新增 {1}，更新 {2}，不变 {3}</source>
        <translation>Sheet “{0}”: {1} new, {2} updated, {3} unchanged</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="188"/>
        <source>新增：{0}</source>
        <translation>New: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="189"/>
        <source>更新：{0}</source>
        <translation>Updated: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/knowledge_page.py" line="190"/>
        <source>导入业务知识库 — 预览</source>
        <translation>Import knowledge base — preview</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="170"/>
        <source>请假申请</source>
        <translation>Leave request</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="187"/>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="188"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="189"/>
        <source>开始</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="190"/>
        <source>结束</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="191"/>
        <source>事由</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="192"/>
        <source>电话请假须在 {0} 天内补办手续，逾期按旷工处理。</source>
        <translation>A phone leave needs its paperwork within {0} days, or counts as absence.</translation>
    </message>
</context>
<context>
    <name>ListExport</name>
    <message>
        <location filename="../../frontdesk/ui/list_export_action.py" line="21"/>
        <source>导出Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/list_export_action.py" line="23"/>
        <source>把当前筛选出的全部记录导出为 Excel 工作簿</source>
        <translation>Export every record matching the current filters to an Excel workbook</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/list_export_action.py" line="36"/>
        <source>正在导出 {0:,} 条记录…</source>
        <translation>Exporting {0:,} records…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/list_export_action.py" line="40"/>
        <source>已导出 {0:,} 条记录到 {1}</source>
        <translation>Exported {0:,} records to {1}</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/list_page.py" line="53"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/list_page.py" line="61"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/list_page.py" line="62"/>
        <source>导出PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/list_page.py" line="74"/>
        <source>请先在列表中选择一条记录</source>
        <translation>Please select a record in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/list_page.py" line="128"/>
        <source>已发送到打印机：{0} {1}</source>
        <translation>Sent to the printer: {0} {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/list_page.py" line="140"/>
        <source>已导出 {0}</source>
        <translation>Exported {0}</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/list_panel.py" line="55"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/list_panel.py" line="108"/>
        <source>首页</source>
        <translation>First</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/list_panel.py" line="109"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/list_panel.py" line="110"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/list_panel.py" line="111"/>
        <source>末页</source>
        <translation>Last</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/list_panel.py" line="167"/>
        <source>共 {0} 条，第 {1}/{2} 页</source>
        <translation>{0} records, page {1}/{2}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/list_panel.py" line="167"/>
        <source>约 {0} 条，第 {1}/{2} 页</source>
        <translation>About {0} records, page {1}/{2}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/login.py" line="23"/>
        <source>登录 - FrontDesk</source>
        <translation>Sign in - FrontDesk</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/login.py" line="28"/>
        <source>客服前台管理系统</source>
        <translation>Service Desk Management System</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/login.py" line="32"/>
        <location filename="../../frontdesk/ui/dialogs/login.py" line="37"/>
        <source>工号</source>
        <translation>Staff No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/login.py" line="38"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/login.py" line="40"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/login.py" line="52"/>
        <source>请输入工号</source>
        <translation>Please enter your Staff No.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="54"/>
        <source>FrontDesk 客服前台 - {0}</source>
        <translation>FrontDesk Service Desk - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="68"/>
        <source>当前账户没有可用的功能页面，请联系管理员分配角色。</source>
        <translation>This account has no pages available. Please ask an administrator to assign a role.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="139"/>
        <source>系统(&amp;S)</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="140"/>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="142"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="144"/>
        <source>注销</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="147"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="158"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="159"/>
        <source>快捷键一览</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="163"/>
        <location filename="../../frontdesk/ui/main_window.py" line="252"/>
        <source>关于 FrontDesk</source>
        <translation>About FrontDesk</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="173"/>
        <source>扫码打开单据 (Ctrl+K)</source>
        <translation>Scan to open (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="175"/>
        <source>扫描单据上的二维码（或输入完整编号）后回车，直接打开该单据；其他文字回车后在当前列表中搜索</source>
        <translation>Scan the QR code on a printed paper (or type a whole number) and press Enter to open that record; other text searches the current list</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="180"/>
        <source>扫码打开单据</source>
        <translation>Scan to open a record</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="205"/>
        <source>本页没有列表可搜索；扫描单据上的二维码可直接打开单据</source>
        <translation>This page has no list to search; scanning a paper&apos;s QR code opens its record</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="213"/>
        <source>站点：{0} {1}</source>
        <translation>Site: {0} {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="214"/>
        <source>用户：{0} {1}</source>
        <translation>User: {0} {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="215"/>
        <source>角色：{0}</source>
        <translation>Role: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="230"/>
        <source>密码已修改</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="237"/>
        <source>更改将在重新启动后生效。现在重新启动吗？</source>
        <translation>The change takes effect after a restart. Restart now?</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/main_window.py" line="253"/>
        <source>FrontDesk 客服前台管理系统 {0}
离线运行，数据保存在：
{1}</source>
        <translation>FrontDesk Service Desk Management System {0}
Runs offline; data is stored in:
{1}</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="45"/>
        <source>留言转告</source>
        <translation>Message for a colleague</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="48"/>
        <source>下一班（接班的同事）</source>
        <translation>The next shift (whoever takes over)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="53"/>
        <source>来电或来访者，如 张先生（会员）</source>
        <translation>Caller or visitor, e.g. Mr Zhang (member)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="59"/>
        <source>记下要点：找谁、什么事、是否需要回电</source>
        <translation>Note the essentials: for whom, what about, whether to call back</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="61"/>
        <source>紧急（登录时排在最前）</source>
        <translation>Urgent (listed first at sign-in)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="63"/>
        <source>转告给</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="64"/>
        <source>留言人</source>
        <translation>Left by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="65"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="66"/>
        <source>留言内容</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/messages_page.py" line="32"/>
        <source>下一班</source>
        <translation>Next shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/messages_page.py" line="33"/>
        <source>未阅</source>
        <translation>Unread</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/messages_page.py" line="34"/>
        <source>搜索留言内容、留言人或同事姓名</source>
        <translation>Search message, caller or colleague</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/messages_page.py" line="37"/>
        <source>全部留言</source>
        <translation>All messages</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/messages_page.py" line="37"/>
        <source>未阅留言</source>
        <translation>Unread messages</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/messages_page.py" line="38"/>
        <source>给我的未阅留言</source>
        <translation>Unread, for me</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/messages_page.py" line="43"/>
        <source>留言</source>
        <translation>Leave a message</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/messages_page.py" line="44"/>
        <source>确认已阅</source>
        <translation>Mark as read</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/messages_page.py" line="73"/>
        <source>已留言，对方登录时会看到</source>
        <translation>Message left; they will see it when they sign in</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/messages_page.py" line="79"/>
        <source>请先在列表中选择一条留言</source>
        <translation>Select a message in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/messages_page.py" line="87"/>
        <source>已确认阅读</source>
        <translation>Marked as read</translation>
    </message>
</context>
<context>
    <name>MissedDutyDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="108"/>
        <source>漏做值守 — 登记 W08</source>
        <translation>Missed duty — record W08</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="111"/>
        <source>漏做事项</source>
        <translation>Missed duty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="114"/>
        <source>违纪条款</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="119"/>
        <source>当班员工</source>
        <translation>On shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="121"/>
        <source>罚款金额（元）</source>
        <translation>Fine (yuan)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/duty_edit.py" line="122"/>
        <source>登记违纪</source>
        <translation>Record incident</translation>
    </message>
</context>
<context>
    <name>MyAssessmentsTab</name>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="161"/>
        <source>考核</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="162"/>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="163"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="164"/>
        <source>结果应用</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="165"/>
        <source>考核人</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="166"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="167"/>
        <source>本人意见</source>
        <translation>My comment</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="172"/>
        <source>查看并确认</source>
        <translation>View and acknowledge</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="178"/>
        <source>还没有考核记录</source>
        <translation>No assessments yet</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="195"/>
        <source>请先选择一次考核</source>
        <translation>Please select an assessment first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="201"/>
        <source>已确认考核结果</source>
        <translation>Assessment result acknowledged</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="91"/>
        <source>暂停计时</source>
        <translation>Pause clock</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="91"/>
        <source>暂停原因</source>
        <translation>Reason for pause</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="92"/>
        <source>如：等待客户提供购物凭证；等待工程部检测结果（必填）</source>
        <translation>e.g. waiting for the customer&apos;s receipt; waiting for engineering test results (required)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="93"/>
        <source>恢复计时</source>
        <translation>Resume clock</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="93"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="94"/>
        <source>如：客户已提供凭证（可不填）</source>
        <translation>e.g. the customer has provided the receipt (optional)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="95"/>
        <source>添加备注</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="95"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="96"/>
        <source>补充记录（必填）</source>
        <translation>Additional notes (required)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="105"/>
        <source>暂停期间不计入各项处理时限。</source>
        <translation>Time while paused does not count toward any time limit.</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/notice_edit.py" line="21"/>
        <source>编辑公告</source>
        <translation>Edit notice</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/notice_edit.py" line="21"/>
        <source>公告登记</source>
        <translation>New notice</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/notice_edit.py" line="29"/>
        <source>如 K88 路段夜间封闭施工</source>
        <translation>e.g. K88 section closed at night for works</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/notice_edit.py" line="43"/>
        <source>（未填）</source>
        <translation>(not filled)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/notice_edit.py" line="45"/>
        <source> 人次</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/notice_edit.py" line="51"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/notice_edit.py" line="51"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/notice_edit.py" line="52"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/notice_edit.py" line="52"/>
        <source>发布渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/notice_edit.py" line="53"/>
        <source>发布时间</source>
        <translation>Published at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/notice_edit.py" line="53"/>
        <source>覆盖人数</source>
        <translation>Reach</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/notice_edit.py" line="54"/>
        <source>有效至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/notice_edit.py" line="55"/>
        <source>停运、封闭的预计恢复时间</source>
        <translation>When an outage or closure is expected to end</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/notice_edit.py" line="54"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>NotifyDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="71"/>
        <source>通知客户取件 - {0}</source>
        <translation>Notify customer for pickup - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="77"/>
        <source>如：客户说明天下午来取</source>
        <translation>e.g. customer will come tomorrow afternoon</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="78"/>
        <source>工单</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="79"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="80"/>
        <source>通知方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="81"/>
        <source>通知结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="82"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>OpinionDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="228"/>
        <source>登记舆情与意见</source>
        <translation>Log public opinion</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="237"/>
        <source>如 大众点评、美团、微信公众号</source>
        <translation>e.g. Dianping, Meituan, WeChat account</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="246"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="247"/>
        <source>收到时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="248"/>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="249"/>
        <source>评分</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="250"/>
        <source>发布人</source>
        <translation>Posted by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="251"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
</context>
<context>
    <name>OpinionFollowUpDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="265"/>
        <source>舆情跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="271"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="276"/>
        <source>办结</source>
        <translation>Close it</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/supervision_edit.py" line="278"/>
        <source>跟进情况</source>
        <translation>Follow-up</translation>
    </message>
</context>
<context>
    <name>OverdueLabel</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/overdue_label.py" line="59"/>
        <source>&lt;a href=&quot;overdue&quot; style=&quot;color:{0}; text-decoration:none;&quot;&gt;超期投诉：{1} 件&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;overdue&quot; style=&quot;color:{0}; text-decoration:none;&quot;&gt;Overdue complaints: {1}&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/password.py" line="26"/>
        <source>重置密码：{0}</source>
        <translation>Reset password: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/password.py" line="26"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/password.py" line="34"/>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/password.py" line="35"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/password.py" line="36"/>
        <source>确认新密码</source>
        <translation>Confirm new password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/password.py" line="40"/>
        <source>两次输入的密码不一致</source>
        <translation>The passwords do not match</translation>
    </message>
</context>
<context>
    <name>PendingMessagesDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="156"/>
        <source>留言转告 — 您有未读留言</source>
        <translation>Messages — you have unread messages</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="162"/>
        <source>稍后再看</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="165"/>
        <source>下列留言等您阅读；确认已阅前，它们也显示在交接班页面。</source>
        <translation>These messages are waiting for you; until you mark them read they also show on the handover page.</translation>
    </message>
</context>
<context>
    <name>PendingMessagesPanel</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="96"/>
        <source>留言时间</source>
        <translation>Left at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="96"/>
        <source>记录人</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="96"/>
        <source>转告给</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="97"/>
        <source>留言内容</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="105"/>
        <source>所选已阅</source>
        <translation>Mark selected read</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="108"/>
        <source>全部已阅</source>
        <translation>Mark all read</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="126"/>
        <source>下一班</source>
        <translation>Next shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="133"/>
        <source>待阅留言 {0} 条</source>
        <translation>{0} unread messages</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="133"/>
        <source>没有待阅留言</source>
        <translation>No unread messages</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/message_edit.py" line="140"/>
        <source>已确认阅读 {0} 条留言</source>
        <translation>{0} messages marked as read</translation>
    </message>
</context>
<context>
    <name>PhraseDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="29"/>
        <source>编辑规范用语</source>
        <translation>Edit standard phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="29"/>
        <source>新增规范用语</source>
        <translation>New standard phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="40"/>
        <source>如 您好，我是××号，请问有什么可以帮您？（××号 在插入时换成本人工号）</source>
        <translation>e.g. 您好，我是××号，请问有什么可以帮您？ (××号 becomes the clerk’s staff number when inserted)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="41"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="43"/>
        <source>使用场景</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="44"/>
        <source>用语</source>
        <translation>Phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/phrase_edit.py" line="45"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>PhrasePanel</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/phrase_panel.py" line="37"/>
        <source>规范用语</source>
        <translation>Standard phrases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/phrase_panel.py" line="49"/>
        <source>单击复制到剪贴板</source>
        <translation>Click to copy to the clipboard</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/phrase_panel.py" line="52"/>
        <source>单击用语即复制</source>
        <translation>Click a phrase to copy it</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/phrase_panel.py" line="104"/>
        <source>已复制：{0}</source>
        <translation>Copied: {0}</translation>
    </message>
</context>
<context>
    <name>PhrasesPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="74"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="74"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="146"/>
        <source>规范用语</source>
        <translation>Standard phrases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="81"/>
        <source>全部场景</source>
        <translation>All situations</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="86"/>
        <source>显示已停用</source>
        <translation>Show inactive</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="88"/>
        <source>新增用语</source>
        <translation>New phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="91"/>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="113"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="93"/>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="115"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="147"/>
        <source>服务忌语</source>
        <translation>Forbidden phrases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="106"/>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="106"/>
        <source>不检查</source>
        <translation>No check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="110"/>
        <source>新增忌语</source>
        <translation>New forbidden phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="122"/>
        <source>试一试：输入一段回复或处理情况，看是否含服务忌语</source>
        <translation>Try it: type a reply or handling note to see whether it contains forbidden phrases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="126"/>
        <source>“五个不说”：损害自尊、埋怨、顶撞教训、庸俗骂人、激化矛盾的话不说</source>
        <translation>“Five don&apos;ts”: nothing hurtful, blaming, lecturing, vulgar or inflammatory</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="135"/>
        <source>编辑热点词典…</source>
        <translation>Edit hot-topic dictionary…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="140"/>
        <source>每周分析按词统计热点问题：站点词典里的词不拆开，停用词不计入</source>
        <translation>The weekly analysis counts hot topics by word: site-dictionary words stay whole, stop words are left out</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="148"/>
        <source>热点词典</source>
        <translation>Hot-topic dictionary</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="160"/>
        <source>站点词典（{0} 个）：{1}

停用词（{2} 个）：{3}</source>
        <translation>Site dictionary ({0} words): {1}

Stop words ({2} words): {3}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="174"/>
        <source>请先在列表中选择一条</source>
        <translation>Please select an item in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="179"/>
        <source>热点词典已保存，下次生成每周分析时生效</source>
        <translation>Hot-topic dictionary saved; it applies from the next weekly analysis</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="184"/>
        <source>已新增规范用语</source>
        <translation>Standard phrase added</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="194"/>
        <source>删除规范用语“{0}”？</source>
        <translation>Delete standard phrase “{0}”?</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="200"/>
        <source>已新增服务忌语</source>
        <translation>Forbidden phrase added</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/phrases_page.py" line="210"/>
        <source>删除服务忌语“{0}”？</source>
        <translation>Delete forbidden phrase “{0}”?</translation>
    </message>
</context>
<context>
    <name>PickupDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="93"/>
        <source>取件验收 - {0}</source>
        <translation>Pickup check - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="95"/>
        <source>如：试机正常，外观与收件时一致，配件齐全</source>
        <translation>e.g. works normally, looks as at intake, accessories complete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="97"/>
        <source>满意，确认取件</source>
        <translation>Satisfied, picked up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="98"/>
        <source>不满意，返修</source>
        <translation>Not satisfied, rework</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="109"/>
        <source>不满意时填写原因</source>
        <translation>Reason, if not satisfied</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="110"/>
        <source>工单</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="111"/>
        <source>应还配件</source>
        <translation>Accessories to return</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="111"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="112"/>
        <source>取件检查</source>
        <translation>Pickup check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="113"/>
        <source>顾客验收</source>
        <translation>Customer acceptance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="114"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/aftersales_policy.py" line="28"/>
        <source>售后政策设置</source>
        <translation>After-sales policy</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/aftersales_policy.py" line="31"/>
        <source>购买当天为第 0 天；已登记的退换货按登记时的政策记录，不受修改影响。</source>
        <translation>The purchase day is day 0. Requests already registered keep the policy in force when they were taken.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/aftersales_policy.py" line="42"/>
        <source>退货</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/aftersales_policy.py" line="44"/>
        <source>天，换货</source>
        <translation>days, exchange</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/aftersales_policy.py" line="46"/>
        <source>天</source>
        <translation>days</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/aftersales_policy.py" line="56"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/aftersales_policy.py" line="57"/>
        <source>退款审批金额（元）</source>
        <translation>Refund approval above (yuan)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/aftersales_policy.py" line="58"/>
        <source>维修滞留提醒</source>
        <translation>Flag repairs waiting longer than</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/aftersales_policy.py" line="63"/>
        <source>请填写大于 0 的金额，最多两位小数</source>
        <translation>Enter an amount above 0 with at most two decimals</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="32"/>
        <source>投诉时限标准</source>
        <translation>Complaint time limits</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="37"/>
        <source>当前版本：{0}。修改后保存为新版本，从生效日期起受理的投诉按新标准计时，已受理的投诉不受影响。</source>
        <translation>Current version: {0}. Saving makes a new version: complaints opened from its effective date use it; cases already opened are not affected.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="39"/>
        <source>{0} 起，{1}</source>
        <translation>from {0}, by {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="44"/>
        <source>各项时限</source>
        <translation>Limits</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="53"/>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="53"/>
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="60"/>
        <source>适用</source>
        <translation>Applies</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="81"/>
        <source>计算各阶段时限</source>
        <translation>Track each stage&apos;s limit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="39"/>
        <source>默认标准</source>
        <translation>the default limits</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="84"/>
        <source>计算处理等级的响应/解决时限</source>
        <translation>Track the levels&apos; respond/resolve limits</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="87"/>
        <source>阶段时限</source>
        <translation>Stage limits</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="88"/>
        <source>等级时限</source>
        <translation>Level limits</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="89"/>
        <source>全天（24 小时）</source>
        <translation>All day (24 h)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="108"/>
        <source>仅工作日（周末、法定节假日不计）</source>
        <translation>Working days only (weekends and public holidays skipped)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="109"/>
        <source>每天</source>
        <translation>Every day</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="112"/>
        <source>服务时间</source>
        <translation>Service hours</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="113"/>
        <source>小时时限只计服务时间；服务时间外或非服务日受理的“即时”环节，从下一个服务时段开始计时。</source>
        <translation>Hour limits count service hours only; an &quot;immediately&quot; step received outside them or on a closed day starts counting when the desk next opens.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="117"/>
        <source>服务日</source>
        <translation>Service days</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="121"/>
        <source>生效日期</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sla_policy.py" line="143"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>PrintSettingsDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/print_settings.py" line="17"/>
        <source>打印设置</source>
        <translation>Print settings</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/print_settings.py" line="20"/>
        <source>80 mm 小票：用于热敏小票打印机（纸宽 80 mm，连续纸，按内容长度打印）。</source>
        <translation>80 mm receipt: for thermal receipt printers (80 mm wide continuous paper, printed as long as the content).</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/print_settings.py" line="23"/>
        <source>退换货凭证</source>
        <translation>Return/exchange voucher</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/print_settings.py" line="23"/>
        <source>维修受理单</source>
        <translation>Repair receipt</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/print_settings.py" line="24"/>
        <source>维修取件单</source>
        <translation>Pickup slip</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/print_settings.py" line="25"/>
        <source>A4 纸</source>
        <translation>A4 paper</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/print_settings.py" line="25"/>
        <source>80 mm 小票</source>
        <translation>80 mm receipt</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/print_settings.py" line="33"/>
        <source>按 Ctrl+P 直接用默认打印机打印，不打开预览</source>
        <translation>Ctrl+P prints on the default printer at once, without a preview</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/print_settings.py" line="36"/>
        <source>一键打印</source>
        <translation>One-key print</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../frontdesk/ui/printing.py" line="114"/>
        <location filename="../../frontdesk/ui/receipt.py" line="49"/>
        <source>编号：{0}</source>
        <translation>No.: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/printing.py" line="117"/>
        <location filename="../../frontdesk/ui/receipt.py" line="51"/>
        <source>打印时间：{0}</source>
        <translation>Printed: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/printing.py" line="208"/>
        <location filename="../../frontdesk/ui/receipt.py" line="69"/>
        <source>{0}：</source>
        <translation>{0}:</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/receipt.py" line="30"/>
        <source>沿此线撕下</source>
        <translation>tear here</translation>
    </message>
</context>
<context>
    <name>RankingTab</name>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="81"/>
        <source>导出Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="84"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="88"/>
        <source>考核期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="93"/>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="94"/>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="95"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="96"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="98"/>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="99"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="100"/>
        <source>结果应用</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="101"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="126"/>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="137"/>
        <source>还没有已评分的考核</source>
        <translation>No scored assessments yet</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="139"/>
        <source>考核排名-{0}.xlsx</source>
        <translation>Assessment ranking-{0}.xlsx</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="143"/>
        <source>正在导出考核排名</source>
        <translation>Exporting the assessment ranking</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="145"/>
        <source>已导出 {0} 人的考核排名到 {1}</source>
        <translation>Exported the ranking of {0} people to {1}</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="88"/>
        <source>搜索编号、电话、客户、诉求或处理内容</source>
        <translation>Search by No., phone, customer, request or handling</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="97"/>
        <source>全部日期</source>
        <translation>All dates</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="99"/>
        <source>全部渠道</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="102"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="106"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="107"/>
        <source>承诺答复到期</source>
        <translation>Promised reply due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="108"/>
        <source>跟进到期</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="109"/>
        <source>“承诺答复到期”“跟进到期”：未办结、承诺答复时间或跟进期限在今天或已过的记录（不限接待日期）</source>
        <translation>&quot;Promised reply due&quot; and &quot;Follow-up due&quot;: open contacts whose promised reply or follow-up is due today or overdue (any contact date)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="118"/>
        <source>只看我的</source>
        <translation>Mine only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="123"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="125"/>
        <source>转办…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="128"/>
        <source>办结…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="251"/>
        <source>已填入来电人 {0}</source>
        <translation>Caller {0} filled in</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="268"/>
        <source>请先在列表中选择一条接待记录</source>
        <translation>Please select a contact record in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="279"/>
        <source>已转办 {0}，首问负责人不变</source>
        <translation>Transferred {0}; the first-contact owner stays the same</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="286"/>
        <source>办结 {0}</source>
        <translation>Close {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="287"/>
        <source>处理情况及结果：</source>
        <translation>Handling and outcome:</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reception_page.py" line="292"/>
        <source>已办结 {0}</source>
        <translation>Closed {0}</translation>
    </message>
</context>
<context>
    <name>RepairDetailDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="39"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="50"/>
        <source>维修工单 {0}</source>
        <translation>Repair order {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="53"/>
        <source>（返修 {0} 次）</source>
        <translation> (reworked {0} times)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="55"/>
        <source>顾客</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="56"/>
        <source>商品</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="57"/>
        <source>故障描述</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="57"/>
        <source>随机配件</source>
        <translation>Accessories</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="57"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="58"/>
        <source>收件外观</source>
        <translation>Condition at intake</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="59"/>
        <source>保修 / 取件</source>
        <translation>Warranty / pickup</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="60"/>
        <source>预计</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="60"/>
        <source>{0}&#x3000;{1} 元</source>
        <translation>{0}  ¥{1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="60"/>
        <source>待定</source>
        <translation>To be confirmed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="62"/>
        <source>当前状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="68"/>
        <source>已在本状态停留超过 {0} 天，请跟进</source>
        <translation>Waiting in this step for more than {0} days, please follow up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="72"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="72"/>
        <source>不满意</source>
        <translation>Not satisfied</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="73"/>
        <source>取件检查</source>
        <translation>Pickup check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="73"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="83"/>
        <source>（照片缺失）</source>
        <translation>(photo missing)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="90"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="90"/>
        <source>事项</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="90"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="90"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="108"/>
        <source>处理经过</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="116"/>
        <source>通知客户：{0}，{1}</source>
        <translation>Customer notified: {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="118"/>
        <source>返修，重新受理</source>
        <translation>Rework, taken in again</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="120"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="122"/>
        <source>取件验收：{0}</source>
        <translation>Pickup check: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_detail.py" line="123"/>
        <source>转为“{0}”</source>
        <translation>Moved to “{0}”</translation>
    </message>
</context>
<context>
    <name>RepairDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="57"/>
        <source>维修收件登记</source>
        <translation>Repair intake</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="62"/>
        <source>如：张先生</source>
        <translation>e.g. Mr Zhang</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="63"/>
        <source>取件通知用，手机或座机</source>
        <translation>For the pickup notice, mobile or landline</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="64"/>
        <source>如：蓝牙耳机</source>
        <translation>e.g. Bluetooth earbuds</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="65"/>
        <source>如：华为 FreeBuds 5</source>
        <translation>e.g. Huawei FreeBuds 5</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="66"/>
        <source>机身或包装上的序列号</source>
        <translation>Serial number on the device or box</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="80"/>
        <source>其他配件，用顿号分隔</source>
        <translation>Other accessories, separated by 、</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="82"/>
        <source>如：外观完好 / 背面有划痕</source>
        <translation>e.g. no damage / scratches on the back</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="89"/>
        <source>元，保内可填 0</source>
        <translation>yuan; 0 under warranty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="92"/>
        <source>邮寄取件时填写收件地址</source>
        <translation>Delivery address, if sent by post</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="107"/>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="110"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="119"/>
        <source>顾客</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="119"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="120"/>
        <source>送修商品</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="120"/>
        <source>品牌型号</source>
        <translation>Brand / model</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="121"/>
        <source>序列号</source>
        <translation>Serial no.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="121"/>
        <source>故障描述</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="122"/>
        <source>随机配件</source>
        <translation>Accessories</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="122"/>
        <source>收件外观</source>
        <translation>Condition at intake</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="123"/>
        <source>保修</source>
        <translation>Warranty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="123"/>
        <source>预计完成</source>
        <translation>Expected ready</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="124"/>
        <source>预计费用</source>
        <translation>Estimated cost</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="125"/>
        <source>取件方式</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="125"/>
        <source>邮寄地址</source>
        <translation>Postal address</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="126"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="134"/>
        <source>选择照片</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="134"/>
        <source>图片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="137"/>
        <source>照片最多 {0} 张</source>
        <translation>At most {0} photos</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_intake.py" line="140"/>
        <source>“{0}”不是图片文件，未添加</source>
        <translation>“{0}” is not an image and was not added</translation>
    </message>
</context>
<context>
    <name>RepairSteps</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="43"/>
        <source>{0}&#x3000;{1}&#x3000;{2}&#x3000;当前：{3}</source>
        <translation>{0}  {1}  {2}  now: {3}</translation>
    </message>
</context>
<context>
    <name>RepairsPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="75"/>
        <source>返修</source>
        <translation>Rework</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="50"/>
        <source>扫码或输入单号、电话、姓名</source>
        <translation>Scan, or type a number, phone or name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="53"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="55"/>
        <source>保内保外</source>
        <translation>Any warranty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="56"/>
        <source>未取件</source>
        <translation>Not picked up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="57"/>
        <source>仅滞留</source>
        <translation>Stuck only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="59"/>
        <source>在同一状态停留超过设定天数的工单</source>
        <translation>Orders waiting in one step longer than the set number of days</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="70"/>
        <source>收件登记</source>
        <translation>Take in</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="71"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="72"/>
        <source>推进</source>
        <translation>Advance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="72"/>
        <source>已更新维修进度</source>
        <translation>Repair progress updated</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="73"/>
        <source>通知取件</source>
        <translation>Notify</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="73"/>
        <source>已记录通知</source>
        <translation>Notification logged</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="74"/>
        <source>取件验收</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="74"/>
        <source>已记录取件</source>
        <translation>Pickup recorded</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="75"/>
        <source>已返修，工单重新受理</source>
        <translation>Reworked: the order is open again</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="76"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="77"/>
        <source>维修受理单</source>
        <translation>Repair receipt</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="78"/>
        <source>维修取件单</source>
        <translation>Pickup slip</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="80"/>
        <source>维修工单</source>
        <translation>Repairs</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/repairs_page.py" line="108"/>
        <source>已受理维修工单 {0}，请打印受理单交顾客</source>
        <translation>Repair order {0} taken in; print the receipt for the customer</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="62"/>
        <source>登记部门答复 - {0}</source>
        <translation>Record department reply - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="70"/>
        <source>办结时写入接待的“处理情况及结果”</source>
        <translation>Written into the contact&apos;s handling and result when it is closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="75"/>
        <source>还需要跟进什么</source>
        <translation>What still needs following up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="76"/>
        <source>（跟进人）</source>
        <translation>(owner)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="87"/>
        <source>部门答复</source>
        <translation>Department reply</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="88"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="89"/>
        <source>答复后</source>
        <translation>After the reply</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="90"/>
        <source>跟进事项</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="91"/>
        <source>跟进人/期限</source>
        <translation>Owner/due</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/report_view.py" line="23"/>
        <source>{0}&#x3000;{1}</source>
        <translation>{0}  {1}</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="57"/>
        <source>每日接待汇总</source>
        <translation>Daily contact summary</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="58"/>
        <source>每周汇总分析</source>
        <translation>Weekly analysis</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="59"/>
        <source>月度服务质量分析</source>
        <translation>Monthly service quality</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="60"/>
        <source>违纪罚款月报</source>
        <translation>Monthly fines</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="62"/>
        <source>站点对比</source>
        <translation>Site comparison</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="63"/>
        <source>考核结果汇总</source>
        <translation>Assessment results</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="105"/>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="124"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="124"/>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="124"/>
        <source>上周</source>
        <translation>Last week</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="125"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="125"/>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="112"/>
        <source>生成报表</source>
        <translation>Run report</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="131"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="132"/>
        <source>导出PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="133"/>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="249"/>
        <source>选择统计期间后点击“生成报表”。</source>
        <translation>Choose a period, then click “Run report”.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="288"/>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="302"/>
        <source>已导出 {0}</source>
        <translation>Exported {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/reports_page.py" line="300"/>
        <source>正在导出报表…</source>
        <translation>Exporting the report…</translation>
    </message>
</context>
<context>
    <name>RequestsTab</name>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="57"/>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="57"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="57"/>
        <source>开始</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="57"/>
        <source>结束</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="57"/>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="60"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="58"/>
        <source>补办期限</source>
        <translation>Paperwork due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="58"/>
        <source>事由</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="59"/>
        <source>申请人</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="59"/>
        <source>替班人</source>
        <translation>Covered by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="59"/>
        <source>班次</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="59"/>
        <source>申请时间</source>
        <translation>Requested at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="60"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="66"/>
        <source>请假申请（红色：电话请假逾期未补办，按旷工处理）</source>
        <translation>Leave requests (red: phone leave without paperwork in time, counted as absence)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="67"/>
        <source>调班申请</source>
        <translation>Swap requests</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="72"/>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="72"/>
        <source>驳回</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="91"/>
        <source>请先选择一条申请</source>
        <translation>Select a request first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="95"/>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/requests_tab.py" line="95"/>
        <source>已驳回</source>
        <translation>Rejected</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="61"/>
        <source>退换货登记</source>
        <translation>Return / exchange</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="64"/>
        <source>如：王女士</source>
        <translation>e.g. Ms Wang</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="65"/>
        <source>手机或座机</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="70"/>
        <source>商品名称、规格</source>
        <translation>Item name and size</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="73"/>
        <source>元，如 199.00</source>
        <translation>yuan, e.g. 199.00</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="77"/>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="155"/>
        <source>有购物凭证</source>
        <translation>Has receipt</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="79"/>
        <source>小票号或订单号</source>
        <translation>Receipt or order number</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="94"/>
        <source>商品质量合格</source>
        <translation>Quality OK</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="94"/>
        <source>包装完好</source>
        <translation>Packaging intact</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="95"/>
        <source>配件齐全</source>
        <translation>Accessories complete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="98"/>
        <source>说明（如：吊牌在、缺少充电线）</source>
        <translation>Note (e.g. tags on, charging cable missing)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="106"/>
        <source>元，不超过实付金额</source>
        <translation>yuan, not more than the amount paid</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="114"/>
        <source>换货时填写换回的商品</source>
        <translation>For an exchange: the item given in return</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="118"/>
        <source>顾客</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="118"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="119"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="119"/>
        <source>商品类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="120"/>
        <source>商品</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="120"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="121"/>
        <source>实付金额</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="122"/>
        <source>购买日期</source>
        <translation>Purchase date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="123"/>
        <source>购物凭证</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="123"/>
        <source>退换原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="124"/>
        <source>政策核对</source>
        <translation>Policy check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="124"/>
        <source>验货检查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="125"/>
        <source>处理意见</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="125"/>
        <source>退款金额</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="126"/>
        <source>换回商品</source>
        <translation>Replacement item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="126"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="148"/>
        <source>填写购买日期后核对退换货期限</source>
        <translation>Enter the purchase date to check the return window</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="150"/>
        <source>购买日期不能晚于今天</source>
        <translation>The purchase date cannot be after today</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="152"/>
        <source>购买后第 {0} 天，期限 {1} 天：{2}；{3}</source>
        <translation>Day {0} after purchase, window {1} days: {2}; {3}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="154"/>
        <source>在期限内</source>
        <translation>within the window</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="154"/>
        <source>已超出期限</source>
        <translation>past the window</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="155"/>
        <source>无购物凭证</source>
        <translation>no receipt</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/return_edit.py" line="166"/>
        <source>超过 {0} 元，须主管审批</source>
        <translation>Above {0} yuan: needs a manager&apos;s approval</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="42"/>
        <source>期限内</source>
        <translation>In window</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="42"/>
        <source>超期</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="44"/>
        <source>扫码或输入单号、电话、姓名</source>
        <translation>Scan, or type a number, phone or name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="47"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="49"/>
        <source>退货和换货</source>
        <translation>Returns and exchanges</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="50"/>
        <source>未办结</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="59"/>
        <source>退换货登记</source>
        <translation>Return / exchange</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="60"/>
        <source>协商结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="61"/>
        <source>主管审批</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="62"/>
        <source>办结</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="63"/>
        <source>打印凭证</source>
        <translation>Print voucher</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="64"/>
        <source>退换货凭证</source>
        <translation>Return/exchange voucher</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="65"/>
        <source>退换货</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="86"/>
        <source>退款超过审批金额，须主管审批后办结</source>
        <translation>The refund is above the approval amount: a manager must approve it first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="91"/>
        <source>已登记 {0}（{1}），请打印凭证交顾客</source>
        <translation>Registered {0} ({1}); print the voucher for the customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="100"/>
        <source>已记录协商结果</source>
        <translation>Outcome recorded</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="113"/>
        <source>批准 {0} 退款 {1} 元？</source>
        <translation>Approve the refund of {1} yuan for {0}?</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="113"/>
        <source>已审批</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="116"/>
        <source>确认 {0} 已退款 {1} 元或已换货，办结？</source>
        <translation>Confirm that {0} has been refunded {1} yuan or exchanged, and complete it?</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/returns_page.py" line="116"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="108"/>
        <source>审阅礼仪自查</source>
        <translation>Review etiquette self-check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="111"/>
        <source>{0}&#x3000;{1}&#x3000;提交于 {2:%Y-%m-%d %H:%M}</source>
        <translation>{0}  {1}  submitted {2:%Y-%m-%d %H:%M}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="115"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="115"/>
        <source>否：{0}</source>
        <translation>No: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="126"/>
        <source>审阅意见</source>
        <translation>Review note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="127"/>
        <source>审阅通过</source>
        <translation>Mark reviewed</translation>
    </message>
</context>
<context>
    <name>ReworkDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="125"/>
        <source>返修 - {0}</source>
        <translation>Rework - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="127"/>
        <source>客户反映的问题</source>
        <translation>What the customer reports</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="128"/>
        <source>工单</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="129"/>
        <source>返修原因</source>
        <translation>Reason for rework</translation>
    </message>
</context>
<context>
    <name>RunDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="42"/>
        <source>新建考核</source>
        <translation>New assessment run</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="66"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="75"/>
        <source>{0}（第 {1} 版）</source>
        <translation>{0} (version {1})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="86"/>
        <source>全选/全不选</source>
        <translation>Select all / none</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="90"/>
        <source>默认：期间 + 模板名称</source>
        <translation>Default: period + template name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="91"/>
        <source>考核周期</source>
        <translation>Period type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="92"/>
        <source>考核期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="93"/>
        <source>考核模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="94"/>
        <source>参加人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="96"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="113"/>
        <source>{0} 月</source>
        <translation>Month {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="113"/>
        <source>第 {0} 季度</source>
        <translation>Quarter {0}</translation>
    </message>
</context>
<context>
    <name>RunTab</name>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="53"/>
        <source>考核批次</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="58"/>
        <source>新建考核</source>
        <translation>New run</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="59"/>
        <source>评分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="60"/>
        <source>逐个评分未评人员</source>
        <translation>Score everyone not yet scored</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="66"/>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="67"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="68"/>
        <source>违纪</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="69"/>
        <source>罚款(元)</source>
        <translation>Fines (CNY)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="70"/>
        <source>考勤异常</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="71"/>
        <source>归责投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="72"/>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="73"/>
        <source>自查完成</source>
        <translation>Self-checks</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="74"/>
        <source>自查否项</source>
        <translation>“No” answers</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="75"/>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="76"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="77"/>
        <source>结果应用</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="78"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="85"/>
        <source>↑↓ 选择人员，回车打开评分表；评分表中按数字键打分，Ctrl+回车 保存并评下一位。</source>
        <translation>↑↓ choose a person, Enter opens the form; in the form a digit key scores an item, Ctrl+Enter saves and moves to the next person.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="107"/>
        <source>已评 {0}/{1}</source>
        <translation>Scored {0}/{1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="115"/>
        <source>已建立考核批次，表现记录已按考核期间汇总</source>
        <translation>Run created; the evidence of the period has been gathered</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="122"/>
        <source>请先选择一名员工</source>
        <translation>Please select a person first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="129"/>
        <source>本批次人员均已评分</source>
        <translation>Everyone in this run has been scored</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="138"/>
        <source>{0} 已确认本次考核，不能再修改</source>
        <translation>{0} has acknowledged this assessment; it can no longer be changed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessments_page.py" line="149"/>
        <source>已保存 {0} 的考核</source>
        <translation>Saved the assessment of {0}</translation>
    </message>
</context>
<context>
    <name>ScoreDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="113"/>
        <source>考核评分 — {0} {1}（{2}）</source>
        <translation>Assessment — {0} {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="114"/>
        <source>模板：{0}（第 {1} 版），每项 0–{2} 分；{3}</source>
        <translation>Template: {0} (version {1}), 0–{2} points per item; {3}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="116"/>
        <source>按数字键评分并跳到下一项</source>
        <translation>press a digit to score and move to the next item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="116"/>
        <source>输入分数后按 Tab</source>
        <translation>type the score, then Tab</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="123"/>
        <source>本期表现</source>
        <translation>This period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="134"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&#x3000;权重 {1}%</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;  weight {1}%</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="139"/>
        <source>{0} 分（按自查记录自动计算）</source>
        <translation>{0} points (computed from the self-checks)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="150"/>
        <source>评语（可选）：亮点、需改进之处</source>
        <translation>Comment (optional): strengths, what to improve</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="151"/>
        <source>评语</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="170"/>
        <source>保存并评下一位</source>
        <translation>Save and next</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="187"/>
        <source>还有 {0} 项未评分</source>
        <translation>{0} item(s) not scored yet</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_form.py" line="195"/>
        <source>{0}&lt;br&gt;&lt;b&gt;总分 {1}&lt;/b&gt;&#x3000;等级 &lt;b style=&apos;color:{2}&apos;&gt;{3}&lt;/b&gt;&#x3000;结果应用：{4}</source>
        <translation>{0}&lt;br&gt;&lt;b&gt;Total {1}&lt;/b&gt;  Grade &lt;b style=&apos;color:{2}&apos;&gt;{3}&lt;/b&gt;  Follow-up: {4}</translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="38"/>
        <location filename="../../frontdesk/domain/selfcheck.py" line="40"/>
        <source>仪表仪容</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="38"/>
        <source>着装整洁，符合企业规范</source>
        <translation>Neat uniform that meets company standards</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="39"/>
        <location filename="../../frontdesk/domain/selfcheck.py" line="41"/>
        <source>调整着装/妆容</source>
        <translation>Adjust dress / make-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="40"/>
        <source>饰品简约，妆容得体</source>
        <translation>Simple accessories, appropriate make-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="42"/>
        <location filename="../../frontdesk/domain/selfcheck.py" line="44"/>
        <source>语言表达</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="42"/>
        <source>使用“您好”“请”“谢谢”“对不起”“再见”等礼貌用语</source>
        <translation>Uses polite phrases: “hello”, “please”, “thank you”, “sorry”, “goodbye”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="43"/>
        <source>加强礼貌用语练习</source>
        <translation>Practise the polite phrases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="44"/>
        <source>语速适中，吐字清晰</source>
        <translation>Moderate pace, clear pronunciation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="45"/>
        <source>放慢语速</source>
        <translation>Speak more slowly</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="46"/>
        <location filename="../../frontdesk/domain/selfcheck.py" line="48"/>
        <location filename="../../frontdesk/domain/selfcheck.py" line="50"/>
        <source>行为举止</source>
        <translation>Conduct</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="46"/>
        <source>电话服务保持微笑</source>
        <translation>Smiles on the phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="47"/>
        <location filename="../../frontdesk/domain/selfcheck.py" line="49"/>
        <location filename="../../frontdesk/domain/selfcheck.py" line="51"/>
        <source>提醒自己专注倾听</source>
        <translation>Remind myself to listen attentively</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="48"/>
        <source>现场服务主动起身/微笑</source>
        <translation>Stands up and smiles for customers at the desk</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="50"/>
        <source>不随意打断客户说话</source>
        <translation>Does not interrupt customers</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="52"/>
        <location filename="../../frontdesk/domain/selfcheck.py" line="54"/>
        <source>情绪管理</source>
        <translation>Emotional control</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="52"/>
        <source>面对客户投诉/不满时，保持冷静</source>
        <translation>Stays calm with complaints or dissatisfied customers</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="53"/>
        <source>深呼吸，先安抚情绪再处理</source>
        <translation>Breathe; calm the customer first, then handle the matter</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="54"/>
        <source>不与客户争执，避免负面语气</source>
        <translation>Does not argue with customers; avoids a negative tone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="55"/>
        <source>换位思考，使用规范用语</source>
        <translation>See it from the customer’s side; use the standard phrases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="31"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="32"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="40"/>
        <source>改进措施（选“否”时必填）</source>
        <translation>Improvement (required for “No”)</translation>
    </message>
</context>
<context>
    <name>SelfCheckDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="66"/>
        <source>服务礼仪自查表</source>
        <translation>Service etiquette self-check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="71"/>
        <source>{0}：{1}&#x3000;本期：{2}</source>
        <translation>{0}: {1}  this check: {2}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="71"/>
        <source>每周自查</source>
        <translation>weekly check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="72"/>
        <source>每日自查</source>
        <translation>daily check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="72"/>
        <source>{0} 所在周</source>
        <translation>week of {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="89"/>
        <source>已由 {0} 审阅：{1}</source>
        <translation>Reviewed by {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="91"/>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/selfcheck_form.py" line="92"/>
        <source>全部为“是”</source>
        <translation>All “Yes”</translation>
    </message>
</context>
<context>
    <name>SelfCheckPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/selfcheck_page.py" line="64"/>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/selfcheck_page.py" line="37"/>
        <source>搜索员工姓名或工号</source>
        <translation>Search staff name or number</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/selfcheck_page.py" line="43"/>
        <source>填写本期自查</source>
        <translation>Fill this check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/selfcheck_page.py" line="50"/>
        <source>只看未审阅</source>
        <translation>Not reviewed only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/selfcheck_page.py" line="54"/>
        <source>审阅</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/selfcheck_page.py" line="62"/>
        <source>自查频次（全站）</source>
        <translation>Self-check frequency (whole site)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/selfcheck_page.py" line="82"/>
        <source>本期自查：已填写</source>
        <translation>This check: filled</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/selfcheck_page.py" line="82"/>
        <source>本期自查：未填写</source>
        <translation>This check: not filled yet</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/selfcheck_page.py" line="89"/>
        <source>自查频次已改为{0}</source>
        <translation>Self-check frequency changed to {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/selfcheck_page.py" line="94"/>
        <source>自查表已提交</source>
        <translation>Self-check submitted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/selfcheck_page.py" line="100"/>
        <source>请先在列表中选择一份自查表</source>
        <translation>Please select a self-check in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/selfcheck_page.py" line="106"/>
        <source>已审阅</source>
        <translation>Reviewed</translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <location filename="../../frontdesk/ui/pages/training_page.py" line="40"/>
        <source>搜索主题、讲师或内容</source>
        <translation>Search subject, trainer or content</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/training_page.py" line="41"/>
        <source>全部类别</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/training_page.py" line="47"/>
        <source>新增培训</source>
        <translation>New session</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/training_page.py" line="47"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/training_page.py" line="48"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/training_page.py" line="71"/>
        <source>请先在列表中选择一次培训</source>
        <translation>Select a training session in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/training_page.py" line="76"/>
        <source>已新增培训记录</source>
        <translation>Training session recorded</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/training_page.py" line="82"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/training_page.py" line="87"/>
        <source>删除培训记录“{0}”及其出勤和成绩吗？</source>
        <translation>Delete the training session “{0}” with its attendance and scores?</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/training_page.py" line="90"/>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/settings_edit.py" line="33"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/settings_edit.py" line="42"/>
        <source> 条/页</source>
        <translation> per page</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/settings_edit.py" line="44"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/settings_edit.py" line="45"/>
        <source>列表每页</source>
        <translation>List page size</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/settings_edit.py" line="50"/>
        <source>更改…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/settings_edit.py" line="54"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/settings_edit.py" line="56"/>
        <source>更改界面语言或数据库后需重新启动程序。</source>
        <translation>A change of language or database takes effect after restarting the program.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/settings_edit.py" line="69"/>
        <source>站点的数据库服务器 {0}</source>
        <translation>The site’s database server {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/settings_edit.py" line="72"/>
        <source>仅本机（数据文件夹中的 SQLite 文件）</source>
        <translation>This PC alone (the SQLite file in the data folder)</translation>
    </message>
</context>
<context>
    <name>ShiftTypeDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="37"/>
        <source>班次设置</source>
        <translation>Shift types</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="40"/>
        <source>（新增班次）</source>
        <translation>(new shift type)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="47"/>
        <source>HH:MM，不安排留空</source>
        <translation>HH:MM, empty for none</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="48"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="50"/>
        <source>班次</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="51"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="52"/>
        <source>开始</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="53"/>
        <source>结束</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="54"/>
        <source>用餐开始</source>
        <translation>Meal from</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="55"/>
        <source>用餐结束</source>
        <translation>Meal until</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="56"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="57"/>
        <source>结束时间不晚于开始时间的班次跨过午夜，到次日结束。已排的班次保持原来的时间。用餐时间内离开台席不算离岗。</source>
        <translation>A shift whose end is not after its start runs past midnight. Shifts already scheduled keep their times. Being away from the desk during the meal time is not leaving the post.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="23"/>
        <source>下一项 / 上一项（按表单顺序）</source>
        <translation>Next / previous field (in form order)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="24"/>
        <source>在单行输入框中：保存</source>
        <translation>In a one-line field: save</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="25"/>
        <source>保存（在多行文本框中也可）；接待登记：保存并办结</source>
        <translation>Save (also from a multi-line box); contact log: save and close</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="26"/>
        <source>对话框：关闭不保存；接待登记：清空</source>
        <translation>Dialog: close without saving; contact log: clear</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="27"/>
        <source>接待登记：新登记</source>
        <translation>Contact log: new entry</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="28"/>
        <source>接待登记的电话栏：填入来电人；换一位来电人</source>
        <translation>Contact log phone: take the caller; pick another</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="29"/>
        <source>列表页：打印所选记录的单据</source>
        <translation>Lists: print the selected record&apos;s paper</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="30"/>
        <source>日期框：直接输入日期（本年的 11 月 20 日等）</source>
        <translation>Date box: type the date (1120 is 20 November this year)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="31"/>
        <source>日期框：今天、三天后、昨天</source>
        <translation>Date box: today, three days on, yesterday</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="32"/>
        <source>日期框：后一天 / 前一天；打开日历</source>
        <translation>Date box: next / previous day; open the calendar</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="41"/>
        <source>快捷键一览</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="42"/>
        <source>{0}（当前账户无权限）</source>
        <translation>{0} (not allowed for this account)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="44"/>
        <source>所有表单</source>
        <translation>All forms</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="48"/>
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="48"/>
        <source>功能</source>
        <translation>Does</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="48"/>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/shortcuts.py" line="57"/>
        <source>主窗口中的快捷键在任何位置都可用，菜单里也列出了它们。</source>
        <translation>The main window&apos;s shortcuts work wherever the cursor is; the menus list them too.</translation>
    </message>
</context>
<context>
    <name>SiteExportDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="25"/>
        <source>站点导出</source>
        <translation>Site export</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="34"/>
        <source>把本站变更的记录（含从其他站点导入的）和它们的照片导出为一个交换文件（.zip，内含 Excel 工作簿和照片），带到总部（或另一站点）导入合并。</source>
        <translation>Export the records changed at this site (including those imported from other sites) and their photos as one exchange file (.zip holding an Excel workbook and the photos), to import and merge at head office (or another site).</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="45"/>
        <source>上次发给该站点以来（{0}）</source>
        <translation>Since the last export to that site ({0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="46"/>
        <source>上次发给该站点以来（尚未导出过：全部）</source>
        <translation>Since the last export to that site (none yet: everything)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="26"/>
        <source>全部记录</source>
        <translation>All records</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="29"/>
        <source>如 HQ、S02；留空为任意站点</source>
        <translation>e.g. HQ, S02; empty for any site</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="32"/>
        <source>目标站点</source>
        <translation>Destination site</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="33"/>
        <source>导出范围</source>
        <translation>Scope</translation>
    </message>
</context>
<context>
    <name>SiteFilter</name>
    <message>
        <location filename="../../frontdesk/ui/site_filter.py" line="22"/>
        <source>全部站点</source>
        <translation>All sites</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/site_filter.py" line="28"/>
        <source>只看某个站点的记录（总部）</source>
        <translation>Show one site&apos;s records only (head office)</translation>
    </message>
</context>
<context>
    <name>SitePairDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="57"/>
        <source>与站点配对</source>
        <translation>Pair with a site</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="60"/>
        <source>如 HQ、S02</source>
        <translation>e.g. HQ, S02</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="61"/>
        <source>新建密钥文件（带给对方）</source>
        <translation>Make a new key file (to carry to the other site)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="62"/>
        <source>使用对方给的密钥文件</source>
        <translation>Use the key file the other site made</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="63"/>
        <source>对方站点</source>
        <translation>Other site</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="64"/>
        <source>密钥</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="65"/>
        <source>配对后，发给对方的导出文件用双方共有的密钥签名，被改动过的文件会被拒绝。重新配对（对方重装或换了密钥）会让与它的交换从头开始。</source>
        <translation>Once paired, exports to the other site are signed with the key both sites share, and a file changed after export is refused. Pairing again (the other site was set up again or the key changed) starts the exchange with it over.</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="23"/>
        <source>编辑员工</source>
        <translation>Edit staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="23"/>
        <source>新增员工</source>
        <translation>New staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="32"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="37"/>
        <source>例如 前台客服、值班主管</source>
        <translation>e.g. front-desk agent, duty supervisor</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="44"/>
        <source>在职</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="49"/>
        <source>留空则不设置/不修改</source>
        <translation>Leave blank to not set/change</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="51"/>
        <source>工号</source>
        <translation>Staff No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="52"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="53"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="54"/>
        <source>岗位</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="55"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="56"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="57"/>
        <source>入职日期</source>
        <translation>Hire date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="58"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/staff_edit.py" line="61"/>
        <source>登录密码</source>
        <translation>Login password</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="31"/>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="41"/>
        <source>在职</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="31"/>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="41"/>
        <source>离职</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="33"/>
        <source>搜索工号、姓名或电话</source>
        <translation>Search by Staff No., name or phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="41"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="51"/>
        <source>新增员工</source>
        <translation>New staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="54"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="59"/>
        <source>培训档案</source>
        <translation>Training record</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="67"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="84"/>
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="92"/>
        <source>已新增员工</source>
        <translation>Staff added</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="98"/>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="108"/>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="117"/>
        <source>请先在列表中选择一名员工</source>
        <translation>Please select a staff member in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="102"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/staff_page.py" line="121"/>
        <source>密码已重置，账户锁定已解除</source>
        <translation>Password reset; account unlocked</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="39"/>
        <source>推进阶段 - {0}</source>
        <translation>Advance stage - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="49"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="51"/>
        <source>承诺在</source>
        <translation>Promise by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="59"/>
        <source>前完成</source>
        <translation>to complete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="60"/>
        <source>本阶段做了什么、结果如何（必填）</source>
        <translation>What was done in this stage and the result (required)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="61"/>
        <source>当前阶段</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="62"/>
        <source>转入阶段</source>
        <translation>Next stage</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="63"/>
        <source>处理方式</source>
        <translation>Remedy</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="64"/>
        <source>承诺时间</source>
        <translation>Promised time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/complaint_stage.py" line="65"/>
        <source>处理说明</source>
        <translation>Handling notes</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="52"/>
        <source>推进维修进度 - {0}</source>
        <translation>Repair progress - {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="57"/>
        <source>如：已送华为售后，快递单号…</source>
        <translation>e.g. sent to Huawei service, tracking number…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="58"/>
        <source>工单</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="59"/>
        <source>转为</source>
        <translation>Move to</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/repair_steps.py" line="60"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>SupervisionPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="53"/>
        <source>搜索小结、员工或检查人</source>
        <translation>Search summary, staff or inspector</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="55"/>
        <source>全部方式</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="60"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="62"/>
        <source>现场巡查…</source>
        <translation>Inspection round…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="63"/>
        <source>暗访…</source>
        <translation>Mystery shopper…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="64"/>
        <source>添加发现…</source>
        <translation>Add finding…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="69"/>
        <source>监督检查</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="76"/>
        <source>搜索内容、平台或发布人</source>
        <translation>Search content, platform or poster</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="80"/>
        <source>全部来源</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="84"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="90"/>
        <source>登记…</source>
        <translation>Log…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="92"/>
        <source>跟进…</source>
        <translation>Follow up…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="95"/>
        <source>舆情与意见</source>
        <translation>Public opinion</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="125"/>
        <source>请先在列表中选择一条检查记录</source>
        <translation>Select an inspection in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="131"/>
        <source>已记录检查，可继续添加发现</source>
        <translation>Inspection recorded; you can add findings now</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="142"/>
        <source>已登记违纪，待确认</source>
        <translation>Incident recorded, awaiting confirmation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="142"/>
        <source>已添加检查发现</source>
        <translation>Finding added</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="152"/>
        <source>已登记</source>
        <translation>Logged</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="158"/>
        <source>请先在列表中选择一条舆情记录</source>
        <translation>Select an entry in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="161"/>
        <source>该条已办结</source>
        <translation>This entry is closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/supervision_page.py" line="164"/>
        <source>已保存跟进情况</source>
        <translation>Follow-up saved</translation>
    </message>
</context>
<context>
    <name>SwapDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="106"/>
        <source>申请调班</source>
        <translation>Request swap</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="114"/>
        <source>我的班次</source>
        <translation>My shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="115"/>
        <source>替班同事</source>
        <translation>Colleague covering</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="116"/>
        <source>调班原因</source>
        <translation>Reason for swap</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/attendance_edit.py" line="117"/>
        <source>按规定须至少提前一个班次申请，由主管审批。</source>
        <translation>Swaps must be requested at least one shift ahead and are approved by a manager.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="44"/>
        <source>选择要导入的工作簿</source>
        <translation>Choose the workbook to import</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="52"/>
        <source>选择要导入的交换文件</source>
        <translation>Choose the exchange file to import</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="53"/>
        <source>交换文件 (*.zip *.xlsx);;所有文件 (*)</source>
        <translation>Exchange files (*.zip *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="60"/>
        <source>保存交换文件</source>
        <translation>Save exchange file</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="61"/>
        <source>交换文件 (*.zip)</source>
        <translation>Exchange files (*.zip)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="73"/>
        <source>站点数据</source>
        <translation>Site data</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="73"/>
        <source>员工花名册</source>
        <translation>Staff roster</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="73"/>
        <source>罚款标准</source>
        <translation>Fine schedule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="74"/>
        <source>业务知识库</source>
        <translation>Knowledge base</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="76"/>
        <source>导入时间</source>
        <translation>Imported at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="76"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="77"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="78"/>
        <source>来源站点</source>
        <translation>From site</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="79"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="80"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="81"/>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="82"/>
        <source>跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="83"/>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="87"/>
        <source>站点导出…</source>
        <translation>Site export…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="88"/>
        <source>站点导入…</source>
        <translation>Site import…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="89"/>
        <source>配对…</source>
        <translation>Pair…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="90"/>
        <source>导入花名册…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="91"/>
        <source>导入罚款标准…</source>
        <translation>Import fine schedule…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="97"/>
        <source>只有管理员可以导出和导入</source>
        <translation>Only administrators can export and import</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="100"/>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="109"/>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="100"/>
        <source>已保留本站</source>
        <translation>Kept local</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="100"/>
        <source>已采用对方</source>
        <translation>Took incoming</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="101"/>
        <source>已由对方处理</source>
        <translation>Settled by the other site</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="103"/>
        <source>发现时间</source>
        <translation>Found at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="103"/>
        <source>对方站点</source>
        <translation>Other site</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="104"/>
        <source>记录类型</source>
        <translation>Record type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="104"/>
        <source>记录编号</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="105"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="106"/>
        <source>处理人</source>
        <translation>Resolved by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="108"/>
        <source>搜索记录编号或内容</source>
        <translation>Search record ID or content</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="109"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="113"/>
        <source>保留本站版本</source>
        <translation>Keep local version</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="116"/>
        <source>采用对方版本</source>
        <translation>Take incoming version</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="124"/>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="303"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="124"/>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="303"/>
        <source>本站版本</source>
        <translation>Local version</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="124"/>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="304"/>
        <source>对方版本</source>
        <translation>Incoming version</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="125"/>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="305"/>
        <source>上次同步时（共同基础）</source>
        <translation>At the last sync (common base)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="131"/>
        <source>两个站点自上次同步以来都改过的记录：本站版本暂时保留，请逐条选择保留哪一个版本。</source>
        <translation>Records changed at both sites since their last sync: the local version is kept for now; choose which version to keep for each.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="143"/>
        <source>导入记录</source>
        <translation>Import history</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="144"/>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="153"/>
        <source>同步冲突（{0}）</source>
        <translation>Sync conflicts ({0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="167"/>
        <source>正在导出站点数据…</source>
        <translation>Exporting site data…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="170"/>
        <source>已导出 {0:,} 条记录、{1} 张照片到
{2}</source>
        <translation>Exported {0:,} records and {1} photos to
{2}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="179"/>
        <source>密钥文件 (*.key);;所有文件 (*)</source>
        <translation>Key files (*.key);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="182"/>
        <source>保存新的配对密钥</source>
        <translation>Save the new pairing key</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="184"/>
        <source>选择对方给的密钥文件</source>
        <translation>Choose the key file from the other site</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="192"/>
        <source>已新建配对密钥 {0}：请带到 {1} 在那里配对，然后删除此文件。</source>
        <translation>New pairing key saved to {0}: take it to {1}, pair there, then delete this file.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="193"/>
        <source>已与 {0} 配对，与它的交换从头开始。</source>
        <translation>Paired with {0}; the exchange with it starts over.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="210"/>
        <source>正在校验…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="210"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="218"/>
        <source>
……共 {0} 处问题</source>
        <translation>
… {0} problems in all</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="219"/>
        <source>文件未导入，数据库没有任何改动。

{0}{1}

把全部问题保存为 Excel 错误清单吗？</source>
        <translation>The file was not imported; the database is unchanged.

{0}{1}

Save all problems as an Excel error list?</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="220"/>
        <source>文件被拒绝</source>
        <translation>File refused</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="222"/>
        <source>导入错误清单.xlsx</source>
        <translation>import-errors.xlsx</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="226"/>
        <source>错误清单已保存到 {0}</source>
        <translation>Error list saved to {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="239"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="154"/>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="235"/>
        <source>站点导入 — 预览</source>
        <translation>Site import — preview</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="255"/>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="280"/>
        <source>工作表“{0}”：新增 {1}，更新 {2}，不变 {3}</source>
        <translation>Sheet &quot;{0}&quot;: {1} new, {2} updated, {3} unchanged</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="259"/>
        <source>导入员工花名册 — 预览</source>
        <translation>Import staff roster — preview</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="282"/>
        <source>变更作为新版本从生效日期起执行，已记录的违纪保持原标准和金额。</source>
        <translation>Changes take effect as new versions from their effective date; incidents already recorded keep their original rule and amount.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="283"/>
        <source>导入罚款标准 — 预览</source>
        <translation>Import fine schedule — preview</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="301"/>
        <source>（较新）</source>
        <translation> (newer)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="305"/>
        <source>共同基础（本站未保留）</source>
        <translation>Common base (not kept here)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="314"/>
        <source>请先选择一条冲突</source>
        <translation>Select a conflict first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="318"/>
        <source>冲突已处理</source>
        <translation>Conflict resolved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/sync_page.py" line="258"/>
        <source>表中没有的列，现有员工保持不变：{0}</source>
        <translation>Columns not in the sheet stay as they are for existing staff: {0}</translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="44"/>
        <source>站点</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="46"/>
        <source>站点代码</source>
        <translation>Site code</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="49"/>
        <source>保存名称</source>
        <translation>Save name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="54"/>
        <source>站点名称</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="55"/>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="57"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="60"/>
        <source>仅本机：{0}</source>
        <translation>This PC alone: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="63"/>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="65"/>
        <source>服务器上的数据库用 pg_dump 备份到本机的备份文件夹，用 pg_restore 恢复。</source>
        <translation>The server database is backed up with pg_dump into this PC’s backup folder and restored with pg_restore.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="69"/>
        <source>检查数据库</source>
        <translation>Check database</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="71"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="74"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="77"/>
        <source>备份时间</source>
        <translation>Backup time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="78"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="79"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="80"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="97"/>
        <source> 份</source>
        <translation> backups</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="105"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="108"/>
        <source>恢复所选备份…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="120"/>
        <source>保留最近</source>
        <translation>Keep the latest</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="122"/>
        <source>，合计不超过</source>
        <translation>, at most</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="145"/>
        <source>启动时自动</source>
        <translation>Automatic at startup</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="146"/>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="147"/>
        <source>恢复前自动</source>
        <translation>Automatic before restore</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="153"/>
        <source>升级前自动</source>
        <translation>Automatic before upgrade</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="166"/>
        <source>正常（结构版本 {0}）</source>
        <translation>OK (schema version {0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="170"/>
        <source>发现问题（结构版本 {0}/{1}）：{2}</source>
        <translation>Problems found (schema version {0}/{1}): {2}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="183"/>
        <source>站点名称已保存</source>
        <translation>Site name saved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="215"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="219"/>
        <source>备份完成</source>
        <translation>Backup complete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="220"/>
        <source>备份完成，已检查可以恢复：
{0}</source>
        <translation>Backup complete and checked, it can be restored:
{0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="235"/>
        <source>正在解压并检查备份…</source>
        <translation>Unpacking and checking the backup…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="240"/>
        <source>已恢复 {0} 的备份（恢复前的数据库已先备份）。程序现在重新启动；请让其他柜台也重新启动。</source>
        <translation>The backup of {0} has been restored (the database as it was was backed up first). The program restarts now; please restart the other counters too.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="243"/>
        <source>{0} 的备份已解压并检查无误。程序现在重新启动，启动时完成恢复。</source>
        <translation>The backup of {0} is unpacked and checked. The program restarts now and finishes the restore as it starts.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="225"/>
        <source>请先在列表中选择要恢复的备份</source>
        <translation>Please select the backup to restore in the list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/system_page.py" line="229"/>
        <source>将用 {0} 的备份替换当前数据库，程序会重新启动。
当前数据库会先自动备份。确定恢复吗？</source>
        <translation>The current database will be replaced with the backup from {0} and the application will restart.
The current database is backed up automatically first. Restore now?</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="147"/>
        <source>考核模板</source>
        <translation>Assessment template</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="180"/>
        <source>{0} ≥</source>
        <translation>{0} ≥</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="183"/>
        <source>分，其余为不合格</source>
        <translation>points; anything lower fails</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="189"/>
        <source>维度</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="189"/>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="215"/>
        <source>考核项目</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="196"/>
        <source>添加项目</source>
        <translation>Add item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="199"/>
        <source>删除所选项目</source>
        <translation>Delete selected item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="210"/>
        <source>本次修改的说明</source>
        <translation>What changed in this version</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="211"/>
        <source>模板名称</source>
        <translation>Template name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="212"/>
        <source>维度权重</source>
        <translation>Weights</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="213"/>
        <source>每项满分</source>
        <translation>Points per item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="214"/>
        <source>等级分数线</source>
        <translation>Grade thresholds</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="217"/>
        <source>修改说明</source>
        <translation>Change note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/assessment_setup.py" line="219"/>
        <source>考核模板 — {0}（保存为第 {1} 版）</source>
        <translation>Assessment template — {0} (saved as version {1})</translation>
    </message>
</context>
<context>
    <name>TemplatesTab</name>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="205"/>
        <source>模板名称</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="206"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="207"/>
        <source>权重（态度/知识/技能/纪律）</source>
        <translation>Weights (attitude/knowledge/skills/discipline)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="208"/>
        <source>项目数</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="209"/>
        <source>每项满分</source>
        <translation>Points per item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="210"/>
        <source>优秀/良好/合格</source>
        <translation>Excellent/Good/Pass</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="211"/>
        <source>修改人</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="212"/>
        <source>修改时间</source>
        <translation>Changed at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="213"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="219"/>
        <source>新建模板</source>
        <translation>New template</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="220"/>
        <source>修改模板（存为新版本）</source>
        <translation>Edit (saves a new version)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="242"/>
        <source>请先选择一个模板</source>
        <translation>Please select a template first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/assessment_tabs.py" line="248"/>
        <source>模板已保存</source>
        <translation>Template saved</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="43"/>
        <source>修改培训记录</source>
        <translation>Edit training session</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="43"/>
        <source>新增培训记录</source>
        <translation>New training session</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="52"/>
        <source>如 新版收费标准解读、投诉处理技巧</source>
        <translation>e.g. the new toll rates, handling complaints</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="57"/>
        <source>如 1.5</source>
        <translation>e.g. 1.5</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="62"/>
        <source>有考试时填写，如 60；不填即无考试</source>
        <translation>If there was a test, e.g. 60; blank: no test</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="66"/>
        <source>培训内容、资料</source>
        <translation>What was covered, materials</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="70"/>
        <source>参加人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="70"/>
        <source>出勤</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="70"/>
        <source>成绩</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="83"/>
        <source>培训类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="84"/>
        <source>培训主题</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="85"/>
        <source>培训日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="86"/>
        <source>学时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="87"/>
        <source>讲师</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="88"/>
        <source>及格分</source>
        <translation>Pass mark</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="89"/>
        <source>培训内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="90"/>
        <source>人员与成绩</source>
        <translation>Staff and scores</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="104"/>
        <source>0–100</source>
        <translation>0–100</translation>
    </message>
</context>
<context>
    <name>TrainingHistory</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="136"/>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="136"/>
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="137"/>
        <source>培训日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="138"/>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="139"/>
        <source>培训主题</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="140"/>
        <source>学时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="141"/>
        <source>讲师</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="142"/>
        <source>出勤</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="143"/>
        <source>成绩</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="144"/>
        <source>考试结果</source>
        <translation>Test result</translation>
    </message>
</context>
<context>
    <name>TrainingHistoryDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="154"/>
        <source>培训档案 — {0}</source>
        <translation>Training record — {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/training_edit.py" line="163"/>
        <source>共 {0} 次培训，出勤 {1} 次，累计 {2} 学时</source>
        <translation>{0} sessions, present at {1}, {2} hours in all</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/training_page.py" line="150"/>
        <source>培训场次</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/training_page.py" line="151"/>
        <source>个人培训档案</source>
        <translation>Staff training records</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/training_page.py" line="152"/>
        <source>我的培训</source>
        <translation>My training</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="30"/>
        <source>转办 {0}</source>
        <translation>Transfer {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="38"/>
        <source>（请选择）</source>
        <translation>(please select)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="45"/>
        <source>需要承办部门做什么、何时答复客户</source>
        <translation>What the handling department should do and when to reply to the customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="46"/>
        <source>承办部门</source>
        <translation>Handling dept.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="47"/>
        <source>办理期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/transfer_edit.py" line="48"/>
        <source>转办说明</source>
        <translation>Transfer instructions</translation>
    </message>
</context>
<context>
    <name>TransfersPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="35"/>
        <source>搜索（按编号）</source>
        <translation>Search (by No.)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="39"/>
        <source>只看超期未答复</source>
        <translation>Overdue without reply only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="42"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="45"/>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="47"/>
        <source>今天到期、尚未答复的转办</source>
        <translation>Transfers due today still waiting for a reply</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="52"/>
        <source>登记答复…</source>
        <translation>Record reply…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="55"/>
        <source>催办</source>
        <translation>Chase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="80"/>
        <source>请先选择一条转办记录</source>
        <translation>Please select a transfer record first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/transfers_page.py" line="95"/>
        <source>已催办（第 {0} 次）</source>
        <translation>Chased (time {0})</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="66"/>
        <source>修改回访记录</source>
        <translation>Edit return visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="66"/>
        <source>记录回访</source>
        <translation>Record return visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="76"/>
        <source>如 王女士、金华物流有限公司</source>
        <translation>e.g. Ms. Wang, Jinhua Logistics Co., Ltd.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="79"/>
        <source>手机或座机，如 0579-85551234</source>
        <translation>Mobile or landline, e.g. 0579-85551234</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="85"/>
        <source>客户对服务的意见、要求</source>
        <translation>The customer&apos;s comments and requests about the service</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="87"/>
        <source>客户的建议</source>
        <translation>The customer&apos;s suggestions</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="89"/>
        <source>回访结果，如：问题已解决，客户表示满意</source>
        <translation>Result, e.g. issue resolved, customer satisfied</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="92"/>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="100"/>
        <source>（未评价）</source>
        <translation>(not rated)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="120"/>
        <source>回访事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="121"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="122"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="123"/>
        <source>回访方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="124"/>
        <source>回访时间</source>
        <translation>Visit time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="125"/>
        <source>客户意见</source>
        <translation>Customer comments</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="126"/>
        <source>客户建议</source>
        <translation>Customer suggestions</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="127"/>
        <source>回访结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="130"/>
        <source>分项满意度</source>
        <translation>Satisfaction by aspect</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="131"/>
        <source>总体满意度</source>
        <translation>Overall satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="149"/>
        <source>三项分项满意度都选定时，总体满意度按最低一项得出</source>
        <translation>With all three aspects rated, the overall satisfaction is the lowest of them</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="132"/>
        <source>下次回访</source>
        <translation>Next visit</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="44"/>
        <source>回访事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="45"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="46"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="110"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="47"/>
        <source>应回访日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="48"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="50"/>
        <source>搜索客户或电话</source>
        <translation>Search by customer or phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="54"/>
        <source>全部事由</source>
        <translation>All reasons</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="58"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="137"/>
        <source>记录回访</source>
        <translation>Record return visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="62"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="98"/>
        <source>打印回访表</source>
        <translation>Print visit form</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="64"/>
        <source>打印一张空白回访表，电话或上门回访时手写记录</source>
        <translation>Print a blank visit form to fill in by hand during a call or visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="73"/>
        <source>搜索客户、电话或回访结果</source>
        <translation>Search by customer, phone or result</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="76"/>
        <source>全部方式</source>
        <translation>All methods</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="82"/>
        <source>全部满意度</source>
        <translation>All ratings</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="87"/>
        <source>只看我的</source>
        <translation>Mine only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="91"/>
        <source>新增回访</source>
        <translation>New return visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="94"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="109"/>
        <source>客户名称</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="111"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="112"/>
        <source>今年回访次数</source>
        <translation>Visits this year</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="113"/>
        <source>最近回访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="114"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="115"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="125"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="115"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="116"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="118"/>
        <source>搜索客户名称或电话</source>
        <translation>Search by customer name or phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="121"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="125"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="254"/>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="132"/>
        <source>新增客户</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="135"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="143"/>
        <source>停用/启用</source>
        <translation>Deactivate/Activate</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="150"/>
        <source>待回访</source>
        <translation>Due visits</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="151"/>
        <source>回访记录</source>
        <translation>Visit records</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="152"/>
        <source>重点客户</source>
        <translation>Key customers</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="166"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="180"/>
        <source>待回访（{0}）</source>
        <translation>Due visits ({0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="186"/>
        <source>回访已保存</source>
        <translation>Return visit saved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="194"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="221"/>
        <source>请先在待回访列表中选择一项</source>
        <translation>Please select an item in the due list first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="201"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="209"/>
        <source>请先选择一条回访记录</source>
        <translation>Please select a return visit record first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="229"/>
        <source>已新增客户</source>
        <translation>Customer added</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="235"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="243"/>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="251"/>
        <source>请先选择一位客户</source>
        <translation>Please select a customer first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="246"/>
        <source>{0}回访</source>
        <translation>{0} return visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/visits_page.py" line="254"/>
        <source>已启用</source>
        <translation>Activated</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="36"/>
        <source>{0}，今年已回访 {1} 次（每年至少 2 次）</source>
        <translation>{0}: visited {1} time(s) this year (at least 2 a year)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="40"/>
        <source>上次回访结果：{0}</source>
        <translation>Last visit result: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/visit_edit.py" line="41"/>
        <source>投诉 {0}</source>
        <translation>Complaint {0}</translation>
    </message>
</context>
<context>
    <name>WeekGrid</name>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="69"/>
        <source>上一周</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="69"/>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="69"/>
        <source>下一周</source>
        <translation>Next week</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="78"/>
        <source>排班</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="78"/>
        <source>取消排班</source>
        <translation>Unschedule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="79"/>
        <source>班次设置</source>
        <translation>Shift types</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="79"/>
        <source>申请调班</source>
        <translation>Request swap</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="97"/>
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="98"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="98"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="98"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="98"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="98"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="98"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="99"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="108"/>
        <source>（调）</source>
        <translation> (swap)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="130"/>
        <source>已排班</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="136"/>
        <source>请先在排班表中选择一个已排的班次</source>
        <translation>Select a scheduled shift in the grid first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/attendance_page.py" line="148"/>
        <source>调班申请已提交，等待主管审批</source>
        <translation>Swap request submitted, waiting for a manager</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="227"/>
        <source>登记</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="227"/>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="228"/>
        <source>撤销</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="228"/>
        <source>申诉</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="229"/>
        <source>申诉成立</source>
        <translation>Appeal upheld</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="229"/>
        <source>驳回申诉</source>
        <translation>Appeal rejected</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="230"/>
        <source>提出辞退建议</source>
        <translation>Dismissal proposed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="230"/>
        <source>排班</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="231"/>
        <source>取消排班</source>
        <translation>Unschedule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="231"/>
        <source>调班</source>
        <translation>Swapped</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="232"/>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="242"/>
        <source>签到</source>
        <translation>Clock in</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="232"/>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="243"/>
        <source>签退</source>
        <translation>Clock out</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="233"/>
        <source>补录考勤</source>
        <translation>Attendance entered</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="233"/>
        <source>更正考勤</source>
        <translation>Attendance corrected</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="234"/>
        <source>签字确认</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="234"/>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="235"/>
        <source>新版本</source>
        <translation>New version</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="235"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="236"/>
        <source>导入中断后撤销</source>
        <translation>Undone after an interrupted import</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="239"/>
        <source>罚款</source>
        <translation>Fine</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="239"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="240"/>
        <source>情况</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="240"/>
        <source>条款</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="241"/>
        <source>发生时间</source>
        <translation>Occurred at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="241"/>
        <source>次数</source>
        <translation>Times</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="242"/>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="243"/>
        <source>迟到分钟</source>
        <translation>Minutes late</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="244"/>
        <source>早退分钟</source>
        <translation>Minutes early</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="244"/>
        <source>锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/incident_edit.py" line="245"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/audit_chain.py" line="54"/>
        <source>审计链校验码 {0}（打印于 {1}）：打印时本站最新一条审计记录的校验码。
核对：python -m frontdesk check --code {0}（打印前的记录被改动或删除后，此码不再相符）</source>
        <translation>Audit chain check code {0} (printed {1}): the check code of this site&apos;s latest audit record when printed.
Verify: python -m frontdesk check --code {0} (the code no longer matches once an earlier record is altered or deleted)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/audit_chain.py" line="61"/>
        <source>审计链校验码：本站尚无审计记录（打印于 {0}）</source>
        <translation>Audit chain check code: this site has no audit records yet (printed {0})</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="28"/>
        <source>退换货</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="29"/>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="48"/>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="31"/>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="143"/>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="212"/>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="41"/>
        <location filename="../../frontdesk/services/reception/contacts.py" line="190"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="30"/>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="49"/>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="32"/>
        <source>受理时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="31"/>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="50"/>
        <source>顾客</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="32"/>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="51"/>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="34"/>
        <location filename="../../frontdesk/services/core/roster_import.py" line="35"/>
        <location filename="../../frontdesk/services/core/staff_list.py" line="24"/>
        <location filename="../../frontdesk/services/reception/contacts.py" line="195"/>
        <location filename="../../frontdesk/services/reception/visits.py" line="137"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="33"/>
        <location filename="../../frontdesk/services/expressway/notices.py" line="33"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="34"/>
        <source>商品类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="35"/>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="52"/>
        <source>商品</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="36"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="37"/>
        <source>实付金额</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="38"/>
        <source>购买日期</source>
        <translation>Purchase date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="39"/>
        <source>政策期限</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="40"/>
        <source>有购物凭证</source>
        <translation>Has receipt</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="41"/>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="224"/>
        <source>处理意见</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="42"/>
        <source>退款金额</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="43"/>
        <source>换回商品</source>
        <translation>Replacement item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="44"/>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="59"/>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="147"/>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="220"/>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="170"/>
        <location filename="../../frontdesk/services/personnel/duties.py" line="299"/>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="194"/>
        <location filename="../../frontdesk/services/reception/contacts.py" line="203"/>
        <location filename="../../frontdesk/services/reception/knowledge.py" line="71"/>
        <location filename="../../frontdesk/services/reception/transfers.py" line="196"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="45"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="47"/>
        <source>维修工单</source>
        <translation>Repair orders</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="53"/>
        <source>品牌型号</source>
        <translation>Brand / model</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="54"/>
        <source>故障描述</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="55"/>
        <source>保修</source>
        <translation>Warranty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="56"/>
        <source>预计完成</source>
        <translation>Expected ready</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="57"/>
        <source>预计费用</source>
        <translation>Estimated cost</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="58"/>
        <source>取件方式</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="60"/>
        <source>进入本状态</source>
        <translation>In this step since</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="61"/>
        <source>返修次数</source>
        <translation>Reworks</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/order_list.py" line="62"/>
        <source>受理人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="161"/>
        <source>考勤记录</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="162"/>
        <location filename="../../frontdesk/services/personnel/duties.py" line="296"/>
        <location filename="../../frontdesk/services/personnel/handover.py" line="178"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="34"/>
        <location filename="../../frontdesk/services/core/staff_list.py" line="19"/>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="138"/>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="144"/>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="214"/>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="163"/>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="118"/>
        <source>工号</source>
        <translation>Staff No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="215"/>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="164"/>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="119"/>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="165"/>
        <location filename="../../frontdesk/services/personnel/duties.py" line="297"/>
        <location filename="../../frontdesk/services/personnel/handover.py" line="179"/>
        <source>班次</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="166"/>
        <source>应到</source>
        <translation>Due in</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="167"/>
        <source>应退</source>
        <translation>Due out</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="168"/>
        <source>签到</source>
        <translation>Clock in</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="169"/>
        <source>签退</source>
        <translation>Clock out</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="171"/>
        <source>迟到(分)</source>
        <translation>Late (min)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="172"/>
        <source>早退(分)</source>
        <translation>Early (min)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="173"/>
        <source>已更正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="174"/>
        <source>更正原因</source>
        <translation>Correction reason</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="30"/>
        <source>投诉处理</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="33"/>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="35"/>
        <source>投诉事由</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="36"/>
        <location filename="../../frontdesk/services/personnel/training.py" line="44"/>
        <location filename="../../frontdesk/services/reception/contacts.py" line="193"/>
        <location filename="../../frontdesk/services/reception/phrases.py" line="75"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="37"/>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="38"/>
        <source>等级</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="39"/>
        <source>当前阶段</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="40"/>
        <source>暂停计时</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="41"/>
        <source>最近时限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="42"/>
        <source>时限类别</source>
        <translation>Clock</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="43"/>
        <source>本阶段剩余</source>
        <translation>Stage time left</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="44"/>
        <location filename="../../frontdesk/services/reception/transfers.py" line="193"/>
        <source>承办部门</source>
        <translation>Handling dept.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="45"/>
        <source>承办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="46"/>
        <source>归责员工</source>
        <translation>Responsible staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="47"/>
        <location filename="../../frontdesk/services/reception/visits.py" line="142"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="48"/>
        <source>结案时间</source>
        <translation>Closed at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="211"/>
        <source>违纪记录</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="213"/>
        <source>发生时间</source>
        <translation>Occurred at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="139"/>
        <source>已确认条数</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="139"/>
        <source>罚款合计（元）</source>
        <translation>Total fines (yuan)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="140"/>
        <source>待处理条数</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="143"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="145"/>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="216"/>
        <source>条款</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="145"/>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="217"/>
        <source>违纪情况</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="146"/>
        <source>罚款（元）</source>
        <translation>Fine (yuan)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="218"/>
        <source>次数</source>
        <translation>Times</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="219"/>
        <source>罚款(元)</source>
        <translation>Fine (CNY)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="221"/>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="189"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="147"/>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="222"/>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="56"/>
        <location filename="../../frontdesk/services/expressway/notices.py" line="40"/>
        <source>登记人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="223"/>
        <source>申诉理由</source>
        <translation>Appeal reason</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="225"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="177"/>
        <source>交接班记录</source>
        <translation>Handovers</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="180"/>
        <source>交班人</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="181"/>
        <source>接班人</source>
        <translation>Incoming clerk</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="182"/>
        <source>交班时间</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="183"/>
        <source>接班确认</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="184"/>
        <source>交接备注</source>
        <translation>Handover notes</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/contacts.py" line="189"/>
        <source>接待登记</source>
        <translation>Contact log</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/contacts.py" line="191"/>
        <source>接待时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/contacts.py" line="192"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/contacts.py" line="194"/>
        <location filename="../../frontdesk/services/reception/transfers.py" line="191"/>
        <location filename="../../frontdesk/services/reception/visits.py" line="136"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/contacts.py" line="196"/>
        <location filename="../../frontdesk/services/reception/transfers.py" line="192"/>
        <source>核心诉求</source>
        <translation>Main request</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/contacts.py" line="197"/>
        <source>处理情况及结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/contacts.py" line="198"/>
        <source>答复方式</source>
        <translation>Reply mode</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/contacts.py" line="199"/>
        <source>承诺答复时间</source>
        <translation>Promised reply by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/contacts.py" line="200"/>
        <source>跟进事项</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="52"/>
        <source>监督检查</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="53"/>
        <source>检查时间</source>
        <translation>Inspected at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="54"/>
        <source>检查方式</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="55"/>
        <source>检查人</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="56"/>
        <source>被检查员工</source>
        <translation>Staff inspected</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="57"/>
        <source>不合格项</source>
        <translation>Failed lines</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="58"/>
        <source>发现问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="59"/>
        <source>检查小结</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="60"/>
        <source>录音录像</source>
        <translation>Recording</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="187"/>
        <source>舆情与意见</source>
        <translation>Public opinion</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="188"/>
        <source>收到时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="190"/>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="191"/>
        <source>评分</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="192"/>
        <source>发布人</source>
        <translation>Posted by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="195"/>
        <source>跟进情况</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="196"/>
        <source>跟进时间</source>
        <translation>Followed up at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="197"/>
        <location filename="../../frontdesk/services/reception/contacts.py" line="201"/>
        <source>跟进人</source>
        <translation>Follow-up owner</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/contacts.py" line="202"/>
        <source>跟进期限</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/contacts.py" line="204"/>
        <location filename="../../frontdesk/services/reception/transfers.py" line="202"/>
        <source>首问负责人</source>
        <translation>First-contact owner</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/contacts.py" line="205"/>
        <source>办结时间</source>
        <translation>Closed at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="116"/>
        <source>服务自查</source>
        <translation>Self-checks</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="117"/>
        <source>日期/周</source>
        <translation>Day / week</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="120"/>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="121"/>
        <source>“否”项</source>
        <translation>“No” answers</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="122"/>
        <source>自查项数</source>
        <translation>Items checked</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="123"/>
        <source>提交时间</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="124"/>
        <source>审阅人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="125"/>
        <source>审阅时间</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="126"/>
        <source>审阅意见</source>
        <translation>Review note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff_list.py" line="18"/>
        <source>员工档案</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="34"/>
        <location filename="../../frontdesk/services/core/staff_list.py" line="20"/>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="138"/>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="144"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="34"/>
        <location filename="../../frontdesk/services/core/staff.py" line="228"/>
        <location filename="../../frontdesk/services/core/staff_list.py" line="21"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="229"/>
        <source>部门名称</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="230"/>
        <source>在职人数</source>
        <translation>Active staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="231"/>
        <location filename="../../frontdesk/services/reception/knowledge.py" line="70"/>
        <location filename="../../frontdesk/services/reception/phrases.py" line="69"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="232"/>
        <location filename="../../frontdesk/services/expressway/notices.py" line="39"/>
        <location filename="../../frontdesk/services/personnel/duties.py" line="304"/>
        <location filename="../../frontdesk/services/reception/phrases.py" line="77"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff_list.py" line="22"/>
        <source>岗位</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="35"/>
        <location filename="../../frontdesk/services/core/staff_list.py" line="23"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="36"/>
        <location filename="../../frontdesk/services/core/staff_list.py" line="25"/>
        <source>入职日期</source>
        <translation>Hire date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="36"/>
        <location filename="../../frontdesk/services/core/staff_list.py" line="26"/>
        <source>在职</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff_list.py" line="27"/>
        <source>最近登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="189"/>
        <source>转办督办</source>
        <translation>Transfers</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="190"/>
        <source>接待编号</source>
        <translation>Contact No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="194"/>
        <source>转办时间</source>
        <translation>Transferred at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="195"/>
        <source>办理期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="197"/>
        <source>催办次数</source>
        <translation>Chases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="198"/>
        <source>转办说明</source>
        <translation>Transfer instructions</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="199"/>
        <source>部门答复</source>
        <translation>Department reply</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="200"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="201"/>
        <source>答复时间</source>
        <translation>Replied at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="134"/>
        <source>回访记录</source>
        <translation>Visit records</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="135"/>
        <source>回访时间</source>
        <translation>Visit time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="138"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="139"/>
        <source>客户意见</source>
        <translation>Customer comments</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="140"/>
        <source>建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="141"/>
        <source>回访结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="143"/>
        <source>处理速度</source>
        <translation>Speed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="144"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="145"/>
        <source>沟通态度</source>
        <translation>Communication</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="146"/>
        <source>下次回访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="147"/>
        <source>回访人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/phrases.py" line="66"/>
        <location filename="../../frontdesk/services/reception/phrases.py" line="70"/>
        <source>规范用语</source>
        <translation>Standard phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/phrases.py" line="67"/>
        <source>使用场景</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/phrases.py" line="73"/>
        <location filename="../../frontdesk/services/reception/phrases.py" line="74"/>
        <source>服务忌语</source>
        <translation>Forbidden phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/phrases.py" line="76"/>
        <source>文字检查</source>
        <translation>Checked in text</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/knowledge.py" line="62"/>
        <source>业务知识库</source>
        <translation>Knowledge base</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/knowledge.py" line="63"/>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/notices.py" line="31"/>
        <source>公告与宣传</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/notices.py" line="32"/>
        <source>发布时间</source>
        <translation>Published at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/notices.py" line="34"/>
        <location filename="../../frontdesk/services/reception/knowledge.py" line="65"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/notices.py" line="35"/>
        <source>发布渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/notices.py" line="36"/>
        <source>覆盖人数</source>
        <translation>Reach</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/notices.py" line="37"/>
        <source>有效至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/notices.py" line="38"/>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="193"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/knowledge.py" line="66"/>
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/knowledge.py" line="67"/>
        <source>答复内容</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/knowledge.py" line="68"/>
        <source>生效日期</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/knowledge.py" line="69"/>
        <source>失效日期</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/knowledge.py" line="72"/>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="40"/>
        <source>求助记录</source>
        <translation>Help calls</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="42"/>
        <source>求助时间</source>
        <translation>Call time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="43"/>
        <source>求助类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="44"/>
        <source>车牌号</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="45"/>
        <source>车型</source>
        <translation>Vehicle type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="46"/>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="47"/>
        <source>桩号</source>
        <translation>Stake</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="48"/>
        <source>位置说明</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="49"/>
        <source>来电号码</source>
        <translation>Caller number</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="50"/>
        <source>求助情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="51"/>
        <source>派遣</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="52"/>
        <source>派遣时间</source>
        <translation>Dispatched at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="53"/>
        <source>处置结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="54"/>
        <source>结果说明</source>
        <translation>Outcome note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="55"/>
        <source>完毕时间</source>
        <translation>Closed at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/training.py" line="42"/>
        <source>培训记录</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/training.py" line="43"/>
        <source>培训日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/training.py" line="45"/>
        <source>培训主题</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/training.py" line="46"/>
        <source>讲师</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/training.py" line="47"/>
        <source>学时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/training.py" line="48"/>
        <source>出勤</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/training.py" line="49"/>
        <source>缺勤</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/training.py" line="50"/>
        <source>请假</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/training.py" line="51"/>
        <source>及格分</source>
        <translation>Pass mark</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/training.py" line="52"/>
        <source>培训内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="295"/>
        <source>值守记录</source>
        <translation>Duty record</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="298"/>
        <source>值守事项</source>
        <translation>Duty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="300"/>
        <source>完成时间</source>
        <translation>Done at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="301"/>
        <source>当班员工</source>
        <translation>On shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="302"/>
        <source>读数</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="303"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="24"/>
        <source>留言转告</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="25"/>
        <source>留言时间</source>
        <translation>Left at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="26"/>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="61"/>
        <source>记录人</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="27"/>
        <source>转告给</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="28"/>
        <source>给下一班</source>
        <translation>For the next shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="29"/>
        <source>留言人</source>
        <translation>Left by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="30"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="31"/>
        <source>留言内容</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="32"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="33"/>
        <source>已阅时间</source>
        <translation>Read at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="34"/>
        <source>阅读人</source>
        <translation>Read by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/list_spec.py" line="22"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/list_spec.py" line="22"/>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../frontdesk/ui/crash.py" line="63"/>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/crash.py" line="73"/>
        <source>程序出错</source>
        <translation>Application error</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/crash.py" line="75"/>
        <source>程序遇到了一个意外错误，刚才的操作可能没有完成。
已保存的数据不受影响，可以继续使用。</source>
        <translation>The application hit an unexpected error and the last action may not have completed.
Saved data is not affected; you can keep working.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/crash.py" line="80"/>
        <source>错误详情已记录到日志文件：
{0}
请把该文件发给技术支持。</source>
        <translation>The error details were written to the log file:
{0}
Please send this file to technical support.</translation>
    </message>
</context>
<context>
    <name>enum</name>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="64"/>
        <source>月度</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="65"/>
        <source>季度</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="66"/>
        <source>不定期专项</source>
        <translation>Ad hoc</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="67"/>
        <location filename="../../frontdesk/domain/complaints.py" line="48"/>
        <source>服务态度</source>
        <translation>Service attitude</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="68"/>
        <source>业务知识</source>
        <translation>Business knowledge</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="69"/>
        <source>服务技能</source>
        <translation>Service skills</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="70"/>
        <source>工作纪律</source>
        <translation>Work discipline</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="71"/>
        <source>优秀</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="72"/>
        <source>良好</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="73"/>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="74"/>
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="75"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="76"/>
        <source>表彰奖励</source>
        <translation>Reward</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="77"/>
        <source>辅导培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="78"/>
        <source>调岗</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="79"/>
        <source>辞退建议</source>
        <translation>Dismissal proposals</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="80"/>
        <source>待评分</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="81"/>
        <location filename="../../frontdesk/domain/fines.py" line="51"/>
        <source>待确认</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="82"/>
        <location filename="../../frontdesk/domain/fines.py" line="52"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="83"/>
        <source>礼仪自查（自动）</source>
        <translation>Etiquette self-check (automatic)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="49"/>
        <source>商品质量</source>
        <translation>Product quality</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="50"/>
        <source>收费价格</source>
        <translation>Charges and prices</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="51"/>
        <source>环境卫生</source>
        <translation>Cleanliness</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="52"/>
        <source>设施设备</source>
        <translation>Facilities and equipment</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="53"/>
        <source>通行秩序</source>
        <translation>Traffic order</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="54"/>
        <location filename="../../frontdesk/domain/reception.py" line="79"/>
        <location filename="../../frontdesk/domain/stages.py" line="92"/>
        <location filename="../../frontdesk/domain/supervision.py" line="55"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="55"/>
        <location filename="../../frontdesk/domain/visits.py" line="52"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="56"/>
        <location filename="../../frontdesk/domain/visits.py" line="53"/>
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="57"/>
        <location filename="../../frontdesk/domain/visits.py" line="54"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="58"/>
        <location filename="../../frontdesk/domain/sla.py" line="28"/>
        <source>转阶段</source>
        <translation>Stage change</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="59"/>
        <location filename="../../frontdesk/domain/sla.py" line="29"/>
        <source>暂停计时</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="60"/>
        <location filename="../../frontdesk/domain/sla.py" line="30"/>
        <source>恢复计时</source>
        <translation>Clock resumed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="61"/>
        <location filename="../../frontdesk/domain/repairs.py" line="117"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="62"/>
        <source>方案审批</source>
        <translation>Plan approved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="63"/>
        <source>上报领导</source>
        <translation>Reported to leaders</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="64"/>
        <source>修改分类</source>
        <translation>Reclassified</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="42"/>
        <source>常用服务用语</source>
        <translation>Common service phrases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="43"/>
        <source>问候（受理接听）</source>
        <translation>Greeting (answering)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="44"/>
        <source>受话无音</source>
        <translation>No voice on the line</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="45"/>
        <source>请稍候（静音后重新对话）</source>
        <translation>Please hold (resuming after mute)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="46"/>
        <source>熟人来电与工作无关</source>
        <translation>Personal call from an acquaintance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="47"/>
        <source>听不清楚问题</source>
        <translation>Cannot hear the caller clearly</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="48"/>
        <source>请对方留联系方式</source>
        <translation>Asking for contact details</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="49"/>
        <source>解答完毕后确认</source>
        <translation>Confirming after answering</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="50"/>
        <source>受理投诉或举报结束</source>
        <translation>Ending a complaint or report</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="51"/>
        <source>疑难问题回复</source>
        <translation>Replying on difficult issues</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="52"/>
        <source>对方打错电话</source>
        <translation>Wrong number</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="53"/>
        <source>对方态度不友好</source>
        <translation>Unfriendly caller</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="54"/>
        <source>对方表示感谢</source>
        <translation>Caller says thanks</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="94"/>
        <source>直呼、责问、训斥、反问</source>
        <translation>Rude addressing, accusing, scolding, retorting</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="95"/>
        <source>态度傲慢、厌烦</source>
        <translation>Arrogant or impatient</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="96"/>
        <source>推诿客户</source>
        <translation>Passing the buck</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="70"/>
        <location filename="../../frontdesk/domain/repairs.py" line="107"/>
        <location filename="../../frontdesk/domain/visits.py" line="43"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="44"/>
        <source>上门</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="84"/>
        <source>充电器</source>
        <translation>Charger</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="85"/>
        <source>数据线</source>
        <translation>Cable</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="86"/>
        <source>电池</source>
        <translation>Battery</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="87"/>
        <source>包装盒</source>
        <translation>Box</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="88"/>
        <source>说明书</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="89"/>
        <source>保修卡</source>
        <translation>Warranty card</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="90"/>
        <source>发票</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="91"/>
        <source>耳机</source>
        <translation>Earphones</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="95"/>
        <source>已受理</source>
        <translation>Taken in</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="96"/>
        <source>已送修</source>
        <translation>Sent for repair</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="97"/>
        <source>维修中</source>
        <translation>Being repaired</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="98"/>
        <source>已修好</source>
        <translation>Repaired</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="99"/>
        <source>无法修复</source>
        <translation>Cannot be repaired</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="100"/>
        <source>已通知取件</source>
        <translation>Customer notified</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="101"/>
        <source>已取件</source>
        <translation>Picked up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="103"/>
        <source>保内</source>
        <translation>In warranty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="104"/>
        <source>保外</source>
        <translation>Out of warranty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="105"/>
        <source>自取</source>
        <translation>Collect</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="106"/>
        <source>邮寄</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="85"/>
        <source>车辆故障</source>
        <translation>Breakdown</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="86"/>
        <source>交通事故</source>
        <translation>Accident</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="87"/>
        <source>医疗急救</source>
        <translation>Medical</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="88"/>
        <source>其他求助</source>
        <translation>Other help</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="91"/>
        <source>小型客车</source>
        <translation>Car</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="92"/>
        <source>大中型客车</source>
        <translation>Bus / coach</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="93"/>
        <source>货车</source>
        <translation>Truck</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="94"/>
        <source>危化品车</source>
        <translation>Dangerous goods</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="95"/>
        <source>摩托车</source>
        <translation>Motorcycle</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="96"/>
        <source>其他车辆</source>
        <translation>Other vehicle</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="99"/>
        <source>上行</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="100"/>
        <source>下行</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="101"/>
        <source>匝道</source>
        <translation>Ramp</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="102"/>
        <source>服务区内</source>
        <translation>In the service area</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="105"/>
        <source>处置中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="106"/>
        <source>已解决</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="107"/>
        <source>已拖离</source>
        <translation>Towed away</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="108"/>
        <source>已送医</source>
        <translation>Taken to hospital</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="109"/>
        <source>已移交交警/路政</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="110"/>
        <source>求助取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="113"/>
        <source>宣传提示</source>
        <translation>Publicity</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="114"/>
        <source>停运/封闭公告</source>
        <translation>Outage / closure</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="115"/>
        <source>施工公告</source>
        <translation>Roadworks</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="116"/>
        <source>气象预警</source>
        <translation>Weather warning</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="117"/>
        <source>其他公告</source>
        <translation>Other notice</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="120"/>
        <location filename="../../frontdesk/domain/repairs.py" line="108"/>
        <location filename="../../frontdesk/domain/visits.py" line="45"/>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="121"/>
        <source>电话外呼</source>
        <translation>Outbound calls</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="122"/>
        <source>广播</source>
        <translation>Broadcast</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="123"/>
        <source>情报板/显示屏</source>
        <translation>Message signs / screens</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="124"/>
        <source>微信公众号</source>
        <translation>WeChat account</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="125"/>
        <source>网站</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="109"/>
        <location filename="../../frontdesk/domain/visits.py" line="46"/>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="110"/>
        <source>已通知到本人</source>
        <translation>Reached in person</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="111"/>
        <source>未接通</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="112"/>
        <source>已留言</source>
        <translation>Message left</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="113"/>
        <source>状态变更</source>
        <translation>Status change</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="114"/>
        <source>通知客户</source>
        <translation>Customer notified</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="115"/>
        <source>取件验收</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="116"/>
        <source>返修</source>
        <translation>Rework</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="47"/>
        <source>重点客户</source>
        <translation>Key customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="48"/>
        <source>常客</source>
        <translation>Regular customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="49"/>
        <source>投诉结案回访</source>
        <translation>Complaint closure follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="50"/>
        <source>年度回访不足两次</source>
        <translation>Fewer than two visits this year</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="51"/>
        <source>约定再次回访</source>
        <translation>Scheduled follow-up visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="69"/>
        <source>现场</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="71"/>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="126"/>
        <location filename="../../frontdesk/domain/reception.py" line="72"/>
        <source>信函</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="73"/>
        <source>咨询</source>
        <translation>Inquiry</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="74"/>
        <source>查询</source>
        <translation>Lookup</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="75"/>
        <source>求助</source>
        <translation>Assistance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="76"/>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="77"/>
        <source>建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="78"/>
        <source>表扬</source>
        <translation>Praise</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="80"/>
        <source>处理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="81"/>
        <source>已转办</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="82"/>
        <location filename="../../frontdesk/domain/supervision.py" line="57"/>
        <source>已办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="83"/>
        <source>已回访</source>
        <translation>Visited</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="84"/>
        <source>立即回复</source>
        <translation>Immediate</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="85"/>
        <source>事后回复</source>
        <translation>Reply later</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="86"/>
        <source>待答复</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="87"/>
        <source>已答复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="88"/>
        <location filename="../../frontdesk/domain/repairs.py" line="102"/>
        <source>已关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="89"/>
        <source>只登记答复（转办仍待办理）</source>
        <translation>Record the reply only (transfer stays open)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="90"/>
        <source>关闭转办并办结接待</source>
        <translation>Finish the transfer and close the contact</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="91"/>
        <source>关闭转办，接待继续跟进</source>
        <translation>Finish the transfer, keep the contact open with a follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/case_roles.py" line="31"/>
        <location filename="../../frontdesk/domain/roles.py" line="24"/>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/case_roles.py" line="32"/>
        <source>主管或本案承办人</source>
        <translation>a manager or the case&apos;s handler</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/case_roles.py" line="33"/>
        <location filename="../../frontdesk/domain/roles.py" line="25"/>
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/roles.py" line="26"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/roles.py" line="63"/>
        <source>前台业务</source>
        <translation>Front desk work</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/roles.py" line="64"/>
        <source>查看本人考勤考核</source>
        <translation>View own attendance and assessments</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/roles.py" line="65"/>
        <source>管理考勤、违纪、罚款与考核</source>
        <translation>Manage attendance, discipline, fines and assessments</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/roles.py" line="66"/>
        <source>维护罚款标准、部门、节假日与考核模板</source>
        <translation>Maintain fine schedules, departments, holidays and assessment templates</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/roles.py" line="67"/>
        <source>维护员工档案</source>
        <translation>Maintain staff records</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/roles.py" line="68"/>
        <source>审批大额退款、维护售后政策</source>
        <translation>Approve large refunds and maintain after-sales policy</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/roles.py" line="69"/>
        <source>投诉分类指派、方案审批与归档</source>
        <translation>Classify and assign complaints, approve plans, archive</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/roles.py" line="70"/>
        <source>管理账户与密码</source>
        <translation>Manage accounts and passwords</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/roles.py" line="71"/>
        <source>站点设置、备份恢复与数据导入</source>
        <translation>Site settings, backup/restore and data import</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla.py" line="45"/>
        <source>阶段时限</source>
        <translation>Stage limit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla.py" line="46"/>
        <source>答复时限</source>
        <translation>Reply limit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla.py" line="47"/>
        <source>响应时限</source>
        <translation>Response limit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla.py" line="48"/>
        <source>解决时限</source>
        <translation>Resolution limit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="34"/>
        <source>受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="35"/>
        <source>核实</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="36"/>
        <source>方案</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="37"/>
        <source>反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="38"/>
        <source>执行</source>
        <translation>Execute</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="39"/>
        <source>归档总结</source>
        <translation>Archive and review</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="40"/>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="56"/>
        <location filename="../../frontdesk/domain/stages.py" line="74"/>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="57"/>
        <location filename="../../frontdesk/domain/stages.py" line="76"/>
        <source>重大</source>
        <translation>Major</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="75"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="90"/>
        <source>退款</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="53"/>
        <source>退货</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="54"/>
        <location filename="../../frontdesk/domain/stages.py" line="91"/>
        <source>换货</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="55"/>
        <source>服装鞋帽</source>
        <translation>Clothing and shoes</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="56"/>
        <source>数码产品</source>
        <translation>Electronics</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="57"/>
        <source>家用电器</source>
        <translation>Home appliances</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="58"/>
        <source>食品</source>
        <translation>Food</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="59"/>
        <source>化妆品</source>
        <translation>Cosmetics</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="60"/>
        <source>日用百货</source>
        <translation>Household goods</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="61"/>
        <source>同意</source>
        <translation>Agree</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="62"/>
        <source>拒绝</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="63"/>
        <source>协商</source>
        <translation>Negotiate</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="64"/>
        <source>协商中</source>
        <translation>Negotiating</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="65"/>
        <source>待主管审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="66"/>
        <source>待办结</source>
        <translation>To complete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/duty.py" line="60"/>
        <location filename="../../frontdesk/domain/returns.py" line="67"/>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/duty.py" line="61"/>
        <source>漏做</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="68"/>
        <source>已拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="48"/>
        <source>待考勤</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="49"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="50"/>
        <source>迟到</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="51"/>
        <source>早退</source>
        <translation>Left early</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="52"/>
        <source>旷工</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="53"/>
        <location filename="../../frontdesk/domain/training.py" line="37"/>
        <source>请假</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="54"/>
        <source>调班</source>
        <translation>Swapped</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="55"/>
        <source>事假</source>
        <translation>Personal leave</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="56"/>
        <source>病假</source>
        <translation>Sick leave</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="57"/>
        <source>年假</source>
        <translation>Annual leave</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="58"/>
        <source>调休</source>
        <translation>Time off in lieu</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="59"/>
        <source>电话请假</source>
        <translation>Phone leave</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="60"/>
        <source>待审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="61"/>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="62"/>
        <source>已驳回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="45"/>
        <source>每次</source>
        <translation>Each time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="46"/>
        <source>每人</source>
        <translation>Per person</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="47"/>
        <source>按次累计</source>
        <translation>Per occurrence</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="48"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="49"/>
        <source>情节严重者辞退</source>
        <translation>Dismissal if serious</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="50"/>
        <source>并予辞退</source>
        <translation>Plus dismissal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="53"/>
        <source>申诉中</source>
        <translation>Under appeal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="54"/>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="55"/>
        <source>人工登记</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="56"/>
        <source>考勤生成</source>
        <translation>From attendance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="20"/>
        <source>每日</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="21"/>
        <source>每周</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/roles.py" line="72"/>
        <source>导出客户资料（完整电话号码）</source>
        <translation>Export customer data (full phone numbers)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="33"/>
        <source>产品与服务</source>
        <translation>Products &amp; services</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="34"/>
        <source>常见问题</source>
        <translation>FAQ</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="35"/>
        <source>活动与促销政策</source>
        <translation>Promotions &amp; offers</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="36"/>
        <source>商品信息</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="37"/>
        <source>会员服务</source>
        <translation>Membership</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="38"/>
        <source>停车服务</source>
        <translation>Parking</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="39"/>
        <source>路况信息</source>
        <translation>Road conditions</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="40"/>
        <source>道路施工</source>
        <translation>Roadworks</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="41"/>
        <source>事故处置</source>
        <translation>Accidents &amp; breakdowns</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="42"/>
        <source>旅游路线</source>
        <translation>Tourist routes</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="43"/>
        <source>收费标准</source>
        <translation>Tolls</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="44"/>
        <source>法律法规</source>
        <translation>Laws &amp; rules</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="58"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="59"/>
        <source>未生效</source>
        <translation>Not yet valid</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="60"/>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="61"/>
        <source>已停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/satisfaction.py" line="35"/>
        <source>处理速度</source>
        <translation>Speed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/satisfaction.py" line="36"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/satisfaction.py" line="37"/>
        <source>沟通态度</source>
        <translation>Communication</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="32"/>
        <source>岗前培训</source>
        <translation>New-staff induction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="33"/>
        <source>定期培训</source>
        <translation>Periodic training</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="34"/>
        <source>专项培训</source>
        <translation>Special training</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="35"/>
        <source>出勤</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="36"/>
        <source>缺勤</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="47"/>
        <source>现场巡查</source>
        <translation>Inspection round</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="48"/>
        <source>神秘顾客暗访</source>
        <translation>Mystery shopper</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="49"/>
        <source>仅记录</source>
        <translation>Noted only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="50"/>
        <source>登记违纪</source>
        <translation>Record incident</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="51"/>
        <source>辅导记录</source>
        <translation>Coaching note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="52"/>
        <source>在线评价</source>
        <translation>Online rating</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="53"/>
        <source>意见箱</source>
        <translation>Comment box</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="54"/>
        <source>媒体/网络论坛</source>
        <translation>Media / forum</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="56"/>
        <source>待跟进</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../frontdesk/errors.py" line="97"/>
        <source>无法连接数据库服务器 {0}：{1}
请检查服务器是否已启动、网络是否连通、用户名和密码是否正确，然后重试。已输入的内容没有丢失。</source>
        <translation>Cannot connect to the database server {0}: {1}
Check that the server is running, the network is connected and the user name and password are right, then try again. Nothing you typed has been lost.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/backup.py" line="93"/>
        <source>数据库检查发现问题，未生成备份：{0}。请运行 check 查看详情。</source>
        <translation>The database check found problems, so no backup was made: {0}. Run check for details.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/backup.py" line="99"/>
        <source>备份文件写入后校验不一致，已删除。请检查磁盘后重试。</source>
        <translation>The backup file did not match its check after writing and was deleted. Check the disk and try again.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/backup.py" line="144"/>
        <source>数据库文件已损坏，未能备份（{0}）。请运行 check 查看详情。</source>
        <translation>The database file is damaged and could not be backed up ({0}). Run check for details.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/backup.py" line="147"/>
        <source>备份失败：备份文件夹所在的磁盘空间不足（{0}）。数据库没有受影响，也没有留下不完整的备份；请清理磁盘或删除旧备份后重试。</source>
        <translation>Backup failed: the disk holding the backup folder is full ({0}). The database is not affected and no partial backup was left behind; free some disk space or delete old backups and try again.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/backup.py" line="149"/>
        <source>备份失败（{0}）。数据库没有受影响，也没有留下不完整的备份。</source>
        <translation>Backup failed ({0}). The database is not affected and no partial backup was left behind.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/backup.py" line="363"/>
        <source>外键引用错误：{0} 行 {1} → {2}</source>
        <translation>Foreign key error: {0} row {1} → {2}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/restore.py" line="36"/>
        <location filename="../../frontdesk/db/restore.py" line="70"/>
        <source>找不到备份文件：{0}</source>
        <translation>Backup file not found: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/restore.py" line="42"/>
        <location filename="../../frontdesk/db/restore.py" line="49"/>
        <location filename="../../frontdesk/db/restore.py" line="53"/>
        <source>该备份文件已损坏，不能恢复：{0}</source>
        <translation>This backup file is damaged and cannot be restored: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/restore.py" line="42"/>
        <source>校验值不符</source>
        <translation>checksum mismatch</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/restore.py" line="72"/>
        <source>{0} 是单机（SQLite）数据库的备份，不能恢复到数据库服务器上；要把单机数据搬到服务器上，请用 migrate-to 命令。</source>
        <translation>{0} is a backup of a single-PC (SQLite) database and cannot be restored onto the database server; to move a single-PC site onto the server, use the migrate-to command.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/restore.py" line="84"/>
        <source>{0} 是数据库服务器（PostgreSQL）的备份，不能恢复为单机数据库。</source>
        <translation>{0} is a backup of the database server (PostgreSQL) and cannot be restored as a single-PC database.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/connection.py" line="255"/>
        <source>磁盘空间已满，无法保存。请清理磁盘后重试，已输入的内容没有丢失。</source>
        <translation>The disk is full, nothing could be saved. Free some disk space and try again; what you entered has not been lost.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/connection.py" line="257"/>
        <source>数据库文件是只读的，无法保存。请检查数据文件夹的权限。</source>
        <translation>The database file is read-only, nothing could be saved. Check the permissions of the data folder.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/connection.py" line="259"/>
        <source>无法打开数据库文件，请检查数据文件夹是否存在且可写。</source>
        <translation>Cannot open the database file. Check that the data folder exists and is writable.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/connection.py" line="261"/>
        <source>读写数据库文件时出错（{0}），通常是磁盘已满或磁盘故障，并不表示数据库已损坏：请不要从备份恢复，先清理或检查磁盘后重试。</source>
        <translation>Error reading or writing the database file ({0}). This usually means the disk is full or failing, not that the database is damaged: do not restore a backup; free or check the disk and try again.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/migrations.py" line="601"/>
        <source>数据库结构版本（{0}）比本程序支持的（{1}）新，请升级 FrontDesk 后再打开。</source>
        <translation>The database structure version ({0}) is newer than this program supports ({1}). Upgrade FrontDesk before opening it.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="114"/>
        <source>请填写考核起始日期</source>
        <translation>Enter the first day of the assessment</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="116"/>
        <source>考核起始日期不能晚于今天</source>
        <translation>The first day cannot be after today</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="118"/>
        <source>请填写考核截止日期</source>
        <translation>Enter the last day of the assessment</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="120"/>
        <source>考核截止日期不能晚于今天</source>
        <translation>The last day cannot be after today</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="122"/>
        <source>截止日期不能早于起始日期</source>
        <translation>The last day cannot be before the first day</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="124"/>
        <source>专项考核的期间不超过 {0} 天</source>
        <translation>An ad hoc assessment covers at most {0} days</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="185"/>
        <source>权重须在 0–100% 之间</source>
        <translation>Weights must be between 0 and 100%</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="189"/>
        <source>各维度权重之和须为 100%，现为 {0:f}%</source>
        <translation>The dimension weights must add up to 100%; they are now {0:f}%</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="192"/>
        <source>“{0}”有权重但没有考核项目</source>
        <translation>“{0}” has a weight but no assessment items</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="194"/>
        <source>考核项目名称不能为空</source>
        <translation>Assessment item names cannot be empty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="196"/>
        <source>考核项目重复</source>
        <translation>Duplicate assessment item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="198"/>
        <source>评分上限须在 1–100 之间</source>
        <translation>The maximum score must be between 1 and 100</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="201"/>
        <location filename="../../frontdesk/services/assessments/templates.py" line="92"/>
        <source>请填写各等级分数线</source>
        <translation>Enter the score threshold of each grade</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="203"/>
        <source>分数线须满足 100 ≥ 优秀 &gt; 良好 &gt; 合格 &gt; 0</source>
        <translation>Thresholds must satisfy 100 ≥ Excellent &gt; Good &gt; Pass &gt; 0</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="216"/>
        <source>请为“{0}”评分</source>
        <translation>Please score “{0}”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/assessment.py" line="218"/>
        <source>“{0}”的得分须在 0–{1} 之间</source>
        <translation>The score for “{0}” must be between 0 and {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="135"/>
        <source>签到时间早于班次开始前两小时</source>
        <translation>Clock-in is more than two hours before the shift starts</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="137"/>
        <source>签到时间不能晚于班次结束</source>
        <translation>Clock-in cannot be after the shift ends</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="139"/>
        <source>没有签到不能签退</source>
        <translation>Cannot clock out without clocking in</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="141"/>
        <source>签退时间必须晚于签到时间</source>
        <translation>Clock-out must be after clock-in</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="143"/>
        <source>签退时间距班次结束超过 12 小时</source>
        <translation>Clock-out is more than 12 hours after the shift ends</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/attendance.py" line="155"/>
        <source>调班须至少提前一个班次申请</source>
        <translation>A shift swap must be requested at least one shift in advance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="91"/>
        <source>请填写投诉人称呼</source>
        <translation>Enter the complainant&apos;s name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="93"/>
        <source>投诉人称呼不超过 30 字</source>
        <translation>The complainant&apos;s name must be at most 30 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="98"/>
        <source>请填写投诉事由</source>
        <translation>Enter the subject of the complaint</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="100"/>
        <source>投诉事由不超过 100 字</source>
        <translation>The subject of the complaint must be at most 100 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="102"/>
        <source>投诉内容不超过 2000 字</source>
        <translation>The complaint details must be at most 2000 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="104"/>
        <location filename="../../frontdesk/services/complaints/handling.py" line="33"/>
        <source>请选择投诉类别</source>
        <translation>Choose a complaint category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="106"/>
        <location filename="../../frontdesk/services/complaints/handling.py" line="35"/>
        <source>请选择严重程度</source>
        <translation>Choose a severity</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="108"/>
        <source>等级只能是 1–3</source>
        <translation>The level can only be 1–3</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="110"/>
        <source>受理时间不能晚于现在</source>
        <translation>The time received cannot be in the future</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="116"/>
        <source>处理说明</source>
        <translation>handling note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="118"/>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="49"/>
        <source>请填写{0}</source>
        <translation>Enter the {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/complaints.py" line="120"/>
        <source>{0}不超过 1000 字</source>
        <translation>At most 1000 characters for the {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="166"/>
        <source>次数至少为 1</source>
        <translation>The count must be at least 1</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="168"/>
        <source>{0} 不按次累计，次数只能为 1</source>
        <translation>{0} is not counted per occurrence; the count can only be 1</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="172"/>
        <source>{0} 的罚款须为 {1}</source>
        <translation>The fine for {0} must be {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="180"/>
        <source>请填写编号（不超过 8 位）</source>
        <translation>Enter a code (at most 8 characters)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="182"/>
        <source>请填写违纪行为</source>
        <translation>Enter the misconduct</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="184"/>
        <source>违纪行为不超过 100 字</source>
        <translation>The misconduct must be at most 100 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="77"/>
        <source>金额不能为负</source>
        <translation>The amount cannot be negative</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="187"/>
        <source>上限不能低于下限</source>
        <translation>The upper limit cannot be below the lower limit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="191"/>
        <source>分档分钟数须逐档递增</source>
        <translation>Tier minutes must increase from tier to tier</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="193"/>
        <source>分档金额须在罚款范围内</source>
        <translation>Tier amounts must be within the fine range</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phones.py" line="30"/>
        <source>请填写联系电话</source>
        <translation>Enter a contact phone number</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phones.py" line="35"/>
        <source>手机号应为 11 位数字，以 13–19 开头</source>
        <translation>A mobile number has 11 digits and starts with 13–19</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phones.py" line="36"/>
        <source>电话格式不对：手机 11 位，座机如 0571-88886666</source>
        <translation>Invalid phone number: mobile 11 digits, landline like 0571-88886666</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="162"/>
        <source>请填写用语内容</source>
        <translation>Enter the phrase</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="164"/>
        <source>用语不超过 {0} 字</source>
        <translation>The phrase must be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/phrases.py" line="166"/>
        <source>用语不能只有标点符号</source>
        <translation>The phrase cannot be punctuation only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="121"/>
        <source>请选择来访渠道</source>
        <translation>Choose a channel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="123"/>
        <location filename="../../frontdesk/services/discipline/fine_rules.py" line="109"/>
        <source>请选择类别</source>
        <translation>Choose a category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="125"/>
        <location filename="../../frontdesk/domain/visits.py" line="92"/>
        <source>客户称呼不超过 30 字</source>
        <translation>The customer&apos;s name must be at most 30 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="130"/>
        <source>请填写核心诉求</source>
        <translation>Enter the main request</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="132"/>
        <source>核心诉求不超过 1000 字</source>
        <translation>The main request must be at most 1000 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="134"/>
        <source>处理情况不超过 2000 字</source>
        <translation>The handling must be at most 2000 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="137"/>
        <source>事后回复须填写承诺回复时间</source>
        <translation>A later reply needs a promised reply time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="139"/>
        <source>承诺回复时间不能早于现在</source>
        <translation>The promised reply time cannot be in the past</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="141"/>
        <location filename="../../frontdesk/services/reception/transfers.py" line="94"/>
        <source>跟进期限不能早于今天</source>
        <translation>The follow-up due date cannot be before today</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="143"/>
        <location filename="../../frontdesk/services/reception/transfers.py" line="90"/>
        <source>有跟进事项时须指定跟进人</source>
        <translation>A follow-up needs someone to follow it up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="145"/>
        <location filename="../../frontdesk/services/reception/contacts.py" line="110"/>
        <source>办结前请填写处理情况及结果</source>
        <translation>Enter the handling and result before closing</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/reception.py" line="147"/>
        <source>接待时间不能晚于现在</source>
        <translation>The time received cannot be in the future</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="164"/>
        <location filename="../../frontdesk/domain/returns.py" line="198"/>
        <source>请填写顾客姓名或称呼</source>
        <translation>Enter the customer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="166"/>
        <location filename="../../frontdesk/domain/returns.py" line="200"/>
        <source>顾客称呼不超过 30 字</source>
        <translation>The customer&apos;s name must be at most 30 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="171"/>
        <source>请填写送修商品</source>
        <translation>Enter the item to repair</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="173"/>
        <location filename="../../frontdesk/domain/returns.py" line="211"/>
        <source>商品名称不超过 100 字</source>
        <translation>The item name must be at most 100 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="175"/>
        <source>品牌型号不超过 100 字</source>
        <translation>The brand and model must be at most 100 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="177"/>
        <source>序列号不超过 60 字</source>
        <translation>The serial number must be at most 60 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="179"/>
        <source>请填写故障描述</source>
        <translation>Describe the fault</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="181"/>
        <source>故障描述不超过 1000 字</source>
        <translation>The fault description must be at most 1000 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="183"/>
        <source>请记录收件时的外观（如：无明显划痕）</source>
        <translation>Record the item&apos;s condition on receipt (e.g. no visible scratches)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="185"/>
        <source>请选择保内或保外</source>
        <translation>Choose in warranty or out of warranty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="187"/>
        <source>请选择取件方式</source>
        <translation>Choose how the item will be collected</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="189"/>
        <source>邮寄取件须填写收件地址</source>
        <translation>Collection by post needs a delivery address</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="191"/>
        <source>预计完成日期不能早于今天</source>
        <translation>The expected completion date cannot be before today</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="193"/>
        <source>预计费用应为不小于 0 的数字，最多两位小数</source>
        <translation>The estimated cost must be a number not below 0, with at most two decimals</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/repairs.py" line="195"/>
        <source>照片最多 {0} 张</source>
        <translation>At most {0} photos</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="175"/>
        <source>请选择处理意见：同意、拒绝或协商</source>
        <translation>Choose a decision: approve, refuse or negotiate</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="179"/>
        <source>退款金额应为不小于 0 的数字，最多两位小数</source>
        <translation>The refund amount must be a number not below 0, with at most two decimals</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="181"/>
        <source>退款金额不能超过实付金额 {0} 元</source>
        <translation>The refund cannot exceed the amount paid, {0} yuan</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="184"/>
        <source>同意退货须填写退款金额</source>
        <translation>An approved return needs a refund amount</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="186"/>
        <source>同意换货须填写换回的商品</source>
        <translation>An approved exchange needs the replacement item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="188"/>
        <source>不符合退换货政策仍同意办理时，请在备注中说明原因</source>
        <translation>When approving outside the return/exchange policy, give the reason in the note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="190"/>
        <source>拒绝时请在备注中说明原因</source>
        <translation>When refusing, give the reason in the note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="205"/>
        <source>请选择退货或换货</source>
        <translation>Choose return or exchange</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="207"/>
        <source>请选择商品类别</source>
        <translation>Choose an item category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="209"/>
        <source>请填写商品名称</source>
        <translation>Enter the item name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="213"/>
        <source>数量应在 1–9999 之间</source>
        <translation>The quantity must be between 1 and 9999</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="216"/>
        <source>实付金额应为不小于 0 的数字，最多两位小数</source>
        <translation>The amount paid must be a number not below 0, with at most two decimals</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="218"/>
        <source>请填写购买日期</source>
        <translation>Enter the purchase date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="220"/>
        <source>购买日期不能晚于今天</source>
        <translation>The purchase date cannot be after today</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="222"/>
        <source>有购物凭证时请填写小票或订单号</source>
        <translation>With a proof of purchase, enter the receipt or order number</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/returns.py" line="224"/>
        <source>请填写退换货原因</source>
        <translation>Enter the reason for the return or exchange</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="85"/>
        <source>请回答“{0}”</source>
        <translation>Please answer “{0}”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="87"/>
        <source>“{0}”选“否”时请填写改进措施</source>
        <translation>When “{0}” is answered “No”, enter an improvement</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/selfcheck.py" line="89"/>
        <source>改进措施不超过 200 字</source>
        <translation>The improvement must be at most 200 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla.py" line="208"/>
        <source>事件时间早于投诉受理时间</source>
        <translation>The event time is before the complaint was received</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla.py" line="210"/>
        <source>案件已结案，不能再记录事件</source>
        <translation>The case is closed; no more events can be recorded</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla.py" line="213"/>
        <source>案件已在暂停计时中</source>
        <translation>The case clock is already paused</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla.py" line="220"/>
        <source>案件未暂停计时，无需恢复</source>
        <translation>The case clock is not paused; there is nothing to resume</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="114"/>
        <source>案件已{0}，不能再转到「{1}」</source>
        <translation>The case is already {0} and cannot move to “{1}”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="117"/>
        <source>「{0}」只能在「{1}」完成之后进行，当前为「{2}」</source>
        <translation>“{0}” can only follow the completion of “{1}”; the case is now at “{2}”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/stages.py" line="122"/>
        <source>不能从「{0}」转到「{1}」，下一步只能是「{2}」</source>
        <translation>Cannot move from “{0}” to “{1}”; the next step can only be “{2}”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="90"/>
        <source>请填写客户称呼</source>
        <translation>Enter the customer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="94"/>
        <source>请选择回访方式</source>
        <translation>Choose how the visit was made</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="100"/>
        <source>请填写回访时间</source>
        <translation>Enter the visit time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="102"/>
        <source>回访时间不能晚于现在</source>
        <translation>The visit time cannot be in the future</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="104"/>
        <source>请填写回访结果</source>
        <translation>Enter the visit result</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="212"/>
        <location filename="../../frontdesk/domain/training.py" line="102"/>
        <location filename="../../frontdesk/domain/visits.py" line="107"/>
        <source>不超过 {0} 字</source>
        <translation>At most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="219"/>
        <source>请选择求助类型</source>
        <translation>Choose the kind of help call</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="221"/>
        <source>请填写求助时间</source>
        <translation>Enter the time of the call</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="223"/>
        <source>求助时间不能晚于现在</source>
        <translation>The call time cannot be in the future</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="225"/>
        <source>车牌号格式不对：如 浙G12345，新能源车 浙GD12345（8 位）</source>
        <translation>Not a plate number: e.g. 浙G12345, new-energy 浙GD12345 (8 characters)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="227"/>
        <source>车辆故障和交通事故请填写车牌号</source>
        <translation>A breakdown or accident needs the plate number</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="229"/>
        <source>请选择车型</source>
        <translation>Choose the vehicle type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="231"/>
        <source>请选择行驶方向</source>
        <translation>Choose the direction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="233"/>
        <source>请填写桩号，如 K123+400</source>
        <translation>Enter the stake, e.g. K123+400</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="235"/>
        <source>桩号格式不对：K 加公里数、加号、米数，如 K123+400</source>
        <translation>Not a stake: K, kilometres, plus sign, metres, e.g. K123+400</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="237"/>
        <source>请填写求助情况</source>
        <translation>Describe the situation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="244"/>
        <source>填写了派遣时间，请写明派遣了什么（如 清障车、120）</source>
        <translation>A dispatch time is given: say what was sent (e.g. tow truck, 120)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="246"/>
        <source>派遣时间不能早于求助时间</source>
        <translation>Dispatch cannot be before the call</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="248"/>
        <source>派遣时间不能晚于现在</source>
        <translation>The dispatch time cannot be in the future</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="250"/>
        <source>请填写派遣时间</source>
        <translation>Enter when it was dispatched</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="252"/>
        <source>请选择处置结果</source>
        <translation>Choose the outcome</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="255"/>
        <source>请填写处置完毕的时间</source>
        <translation>Enter when it was closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="257"/>
        <source>完毕时间不能早于求助时间</source>
        <translation>Closing cannot be before the call</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="259"/>
        <source>完毕时间不能晚于现在</source>
        <translation>The closing time cannot be in the future</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="284"/>
        <source>请选择公告类型</source>
        <translation>Choose the kind of notice</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="290"/>
        <source>请填写公告内容</source>
        <translation>Enter the notice text</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="295"/>
        <source>请选择发布渠道</source>
        <translation>Choose the channel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="297"/>
        <source>请填写发布时间</source>
        <translation>Enter when it was published</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="299"/>
        <source>发布时间不能晚于现在</source>
        <translation>The publishing time cannot be in the future</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="301"/>
        <source>请填写覆盖人数（不清楚可填 0）</source>
        <translation>Enter the reach (0 if unknown)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="303"/>
        <source>覆盖人数应在 0 到 {0} 之间</source>
        <translation>Reach must be between 0 and {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="305"/>
        <source>有效期不能早于发布时间</source>
        <translation>Valid-until cannot be before publishing</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="307"/>
        <source>停运/封闭公告请填写预计恢复时间</source>
        <translation>An outage or closure needs its expected end</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/satisfaction.py" line="56"/>
        <location filename="../../frontdesk/domain/visits.py" line="109"/>
        <source>满意度无效</source>
        <translation>Invalid satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/satisfaction.py" line="58"/>
        <source>请选择「{0}」满意度</source>
        <translation>Choose the satisfaction with “{0}”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="115"/>
        <source>下次回访日期应晚于本次回访</source>
        <translation>The next visit date must be after this visit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="132"/>
        <source>请填写客户名称</source>
        <translation>Enter the customer name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="134"/>
        <source>客户名称不超过 50 字</source>
        <translation>The customer name must be at most 50 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="139"/>
        <source>请选择客户类别</source>
        <translation>Choose a customer type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/visits.py" line="141"/>
        <location filename="../../frontdesk/services/core/staff.py" line="266"/>
        <location filename="../../frontdesk/services/reception/phrases.py" line="191"/>
        <source>备注不超过 200 字</source>
        <translation>The note must be at most 200 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/errors.py" line="64"/>
        <source>输入有误</source>
        <translation>Invalid input</translation>
    </message>
    <message>
        <location filename="../../frontdesk/errors.py" line="79"/>
        <source>该记录在您打开后已被其他人修改并保存，本次修改未保存。您填写的内容仍在表单中；可重新载入最新内容后再修改。</source>
        <translation>Someone else changed and saved this record after you opened it, so your changes were not saved. What you typed is still in the form; reload the latest version and then make your changes again.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/errors.py" line="90"/>
        <source>数据库正忙（可能有其他窗口正在保存），请稍后重试。</source>
        <translation>The database is busy (another window may be saving). Please try again shortly.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/policy.py" line="57"/>
        <source>未知的商品类别：{0}</source>
        <translation>Unknown item category: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/policy.py" line="59"/>
        <source>天数应在 0–{0} 之间</source>
        <translation>Days must be between 0 and {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/policy.py" line="61"/>
        <source>审批金额应大于 0</source>
        <translation>The approval amount must be greater than 0</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/policy.py" line="63"/>
        <source>滞留天数应在 1–90 之间</source>
        <translation>Days stuck must be between 1 and 90</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="74"/>
        <location filename="../../frontdesk/services/assessments/runs.py" line="142"/>
        <source>只能查看本人的考核</source>
        <translation>You can only view your own assessments</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/templates.py" line="49"/>
        <location filename="../../frontdesk/services/assessments/templates.py" line="120"/>
        <source>该考核模板不存在</source>
        <translation>This assessment template does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/templates.py" line="85"/>
        <source>请填写权重（百分数）</source>
        <translation>Enter the weight (percent)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/templates.py" line="104"/>
        <source>请填写模板名称</source>
        <translation>Enter a template name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/runs.py" line="53"/>
        <source>请选择考核期间</source>
        <translation>Choose the assessment period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/runs.py" line="56"/>
        <source>考核期间尚未开始</source>
        <translation>The assessment period has not started yet</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/runs.py" line="68"/>
        <source>请选择参加考核的员工</source>
        <translation>Choose the staff to assess</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/runs.py" line="71"/>
        <source>请选择考核模板</source>
        <translation>Choose an assessment template</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/runs.py" line="76"/>
        <source>{0} 本期已有考核</source>
        <translation>{0} already has an assessment for this period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="86"/>
        <source>请选择培训类别</source>
        <translation>Choose the type of training</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="89"/>
        <source>请填写培训主题</source>
        <translation>Enter the subject</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="91"/>
        <source>培训主题不超过 60 字</source>
        <translation>Subject: at most 60 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="93"/>
        <source>请填写培训日期</source>
        <translation>Enter the date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="95"/>
        <source>培训日期不能晚于今天（记录已举行的培训）</source>
        <translation>The date cannot be after today (record sessions already held)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="98"/>
        <source>学时应为 0–24 之间的数字，如 1.5</source>
        <translation>Hours must be a number from 0 to 24, e.g. 1.5</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="100"/>
        <source>培训讲师不超过 30 字</source>
        <translation>Trainer: at most 30 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="104"/>
        <source>及格分应为 0–100 之间的数字</source>
        <translation>The pass mark must be a number from 0 to 100</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="107"/>
        <source>请选择参加培训的人员</source>
        <translation>Tick the staff who took part</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="113"/>
        <location filename="../../frontdesk/services/assessments/runs.py" line="89"/>
        <location filename="../../frontdesk/services/core/auth.py" line="164"/>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="108"/>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="299"/>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="100"/>
        <source>员工不存在</source>
        <translation>Staff member not found</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="115"/>
        <source>{0} 重复</source>
        <translation>{0} is listed twice</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="117"/>
        <source>{0}：请选择出勤情况</source>
        <translation>{0}: choose the attendance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="119"/>
        <source>{0}：未出勤的人员没有考试成绩</source>
        <translation>{0}: only staff who were present have a score</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="121"/>
        <source>{0}：本次培训没有考试（未填及格分），不记成绩</source>
        <translation>{0}: this session had no test (no pass mark), so no score</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/training.py" line="123"/>
        <source>{0}：成绩应为 0–100 之间的数字</source>
        <translation>{0}: the score must be a number from 0 to 100</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/runs.py" line="48"/>
        <source>请选择考核周期</source>
        <translation>Choose the assessment cycle</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/runs.py" line="78"/>
        <source>名称不超过 60 字</source>
        <translation>Name: at most 60 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/runs.py" line="110"/>
        <source>该考核不存在</source>
        <translation>This assessment does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/runs.py" line="176"/>
        <source>员工已确认的考核不能再修改</source>
        <translation>An assessment the staff member has confirmed can no longer be changed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/runs.py" line="178"/>
        <source>不能为自己的考核评分</source>
        <translation>You cannot score your own assessment</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/runs.py" line="208"/>
        <source>只能确认本人的考核</source>
        <translation>You can only confirm your own assessment</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/runs.py" line="210"/>
        <source>该考核尚未评分或已确认</source>
        <translation>This assessment has not been scored yet or is already confirmed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/runs.py" line="222"/>
        <source>该考核批次不存在</source>
        <translation>This assessment batch does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/attachments.py" line="26"/>
        <source>照片“{0}”超过 {1} MB</source>
        <translation>Photo “{0}” is larger than {1} MB</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/calendar/schedule_import.py" line="62"/>
        <location filename="../../frontdesk/services/core/attachments.py" line="29"/>
        <source>无法读取文件 {0}：{1}</source>
        <translation>Cannot read the file {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/attachments.py" line="32"/>
        <source>“{0}”不是图片文件（支持 JPG、PNG、GIF、BMP、WebP）</source>
        <translation>“{0}” is not an image file (JPG, PNG, GIF, BMP and WebP are supported)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/attachments.py" line="44"/>
        <source>无法保存照片到 {0}：{1}</source>
        <translation>Cannot save the photo to {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="38"/>
        <source>宽限时间为 0–60 分钟</source>
        <translation>The grace time is 0–60 minutes</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="119"/>
        <source>现在没有可签到或签退的排班（可在班次开始前两小时内签到）</source>
        <translation>There is no shift to clock in or out of now (clock-in opens two hours before the shift starts)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="147"/>
        <source>更正已有的考勤记录须填写原因</source>
        <translation>Correcting an existing attendance record needs a reason</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/attendance.py" line="294"/>
        <source>只能为本人办理</source>
        <translation>You can only do this for yourself</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/auth.py" line="51"/>
        <source>密码连续输错 {0} 次，账户已锁定，请 {1} 分钟后再试或联系管理员</source>
        <translation>Wrong password {0} times in a row; the account is locked. Try again in {1} minutes or contact the administrator</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/auth.py" line="142"/>
        <source>账户不存在</source>
        <translation>The account does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/cases.py" line="125"/>
        <location filename="../../frontdesk/services/complaints/handling.py" line="39"/>
        <source>责任部门不存在</source>
        <translation>The responsible department does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/cases.py" line="127"/>
        <source>归责员工不存在</source>
        <translation>The staff member held responsible does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/cases.py" line="163"/>
        <location filename="../../frontdesk/services/reception/visits.py" line="56"/>
        <source>关联的接待记录不存在</source>
        <translation>The linked contact record does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/cases.py" line="189"/>
        <location filename="../../frontdesk/services/complaints/cases.py" line="349"/>
        <source>该投诉案件不存在或已删除</source>
        <translation>This complaint case does not exist or has been deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/cases.py" line="240"/>
        <source>请选择要转入的阶段</source>
        <translation>Choose the stage to move to</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/cases.py" line="246"/>
        <source>结案请使用“结案”，并记录客户满意度</source>
        <translation>To close the case use “Close case” and record the customer&apos;s satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/cases.py" line="248"/>
        <source>承诺完成时间必须晚于现在</source>
        <translation>The promised completion time must be in the future</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="93"/>
        <source>请选择检查方式</source>
        <translation>Choose the kind of inspection</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="95"/>
        <source>请填写检查时间</source>
        <translation>Enter when it was inspected</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="97"/>
        <source>检查时间不能晚于现在</source>
        <translation>The inspection time cannot be later than now</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="99"/>
        <source>请填写检查人</source>
        <translation>Enter the inspector</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="101"/>
        <source>检查人不超过 {0} 字</source>
        <translation>The inspector can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="103"/>
        <source>检查清单至少要有一项</source>
        <translation>The checklist needs at least one line</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="105"/>
        <source>检查小结不超过 {0} 字</source>
        <translation>The summary can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="107"/>
        <source>录音录像路径不超过 {0} 字</source>
        <translation>The recording path can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="131"/>
        <source>请填写发现的问题</source>
        <translation>Enter the finding</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="133"/>
        <source>发现的问题不超过 {0} 字</source>
        <translation>The finding can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="135"/>
        <location filename="../../frontdesk/services/complaints/cases.py" line="250"/>
        <source>请选择处理方式</source>
        <translation>Choose a remedy</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="137"/>
        <source>登记违纪或辅导须选择员工</source>
        <translation>An incident or a coaching note needs a member of staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="139"/>
        <source>请选择违纪条款</source>
        <translation>Choose the rule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="141"/>
        <source>请填写辅导内容</source>
        <translation>Enter the coaching note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="143"/>
        <source>辅导内容不超过 {0} 字</source>
        <translation>The coaching note can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="167"/>
        <source>请选择来源</source>
        <translation>Choose the source</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="169"/>
        <source>请填写收到时间</source>
        <translation>Enter when it was received</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="171"/>
        <source>收到时间不能晚于现在</source>
        <translation>The time received cannot be later than now</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="173"/>
        <source>请填写评价或意见内容</source>
        <translation>Enter the rating&apos;s or comment&apos;s text</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="175"/>
        <source>内容不超过 {0} 字</source>
        <translation>The content can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="177"/>
        <source>平台名称不超过 {0} 字</source>
        <translation>The platform can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="179"/>
        <source>发布人不超过 {0} 字</source>
        <translation>&quot;Posted by&quot; can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="181"/>
        <source>评分为 1–5 星</source>
        <translation>The rating is 1–5 stars</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="183"/>
        <source>在线评价请填写平台名称</source>
        <translation>An online rating needs its platform</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/cases.py" line="270"/>
        <source>暂停原因</source>
        <translation>reason for pausing</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="199"/>
        <location filename="../../frontdesk/services/complaints/cases.py" line="288"/>
        <source>备注</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/cases.py" line="311"/>
        <source>请选择客户满意度</source>
        <translation>Choose the customer&apos;s satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/cases.py" line="312"/>
        <source>归档总结</source>
        <translation>archive review</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/cases.py" line="320"/>
        <source>案件当前为「{0}」，须推进到「归档总结」后才能结案</source>
        <translation>The case is at “{0}”; it must reach “Archive and review” before it can be closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="64"/>
        <source>请选择违纪员工</source>
        <translation>Choose the staff member concerned</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="66"/>
        <source>请填写发生时间</source>
        <translation>Enter when it happened</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="68"/>
        <source>发生时间不能晚于现在</source>
        <translation>The time it happened cannot be in the future</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="70"/>
        <source>情况说明不超过 500 字</source>
        <translation>The description must be at most 500 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="74"/>
        <source>请选择违纪条款（发生日期时有效的罚款标准）</source>
        <translation>Choose the rule broken (the fine schedule in force on that date)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="77"/>
        <source>这个时间在该员工班次的用餐时间内，用餐不算离岗</source>
        <translation>This is during the meal time of the employee’s shift: a meal break is not leaving the post</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="81"/>
        <source>{0} 不是按人计罚的条款，一次只能登记一名员工</source>
        <translation>{0} is not fined per person; record one staff member at a time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="83"/>
        <location filename="../../frontdesk/services/discipline/schedule_import.py" line="134"/>
        <source>请填写罚款金额</source>
        <translation>Enter the fine amount</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="129"/>
        <source>该违纪记录不存在</source>
        <translation>This misconduct record does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="141"/>
        <source>该记录当前状态不能进行此操作</source>
        <translation>This cannot be done in the record&apos;s current state</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="173"/>
        <source>请填写撤销原因</source>
        <translation>Enter the reason for revoking</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="186"/>
        <source>请填写申诉理由</source>
        <translation>Enter the grounds of the appeal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="188"/>
        <source>只能对本人的违纪记录提出申诉</source>
        <translation>You can only appeal your own misconduct records</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="200"/>
        <source>请填写处理意见</source>
        <translation>Enter the decision</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="278"/>
        <source>只能查看本人的违纪记录</source>
        <translation>You can only view your own misconduct records</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/incidents.py" line="306"/>
        <source>该辞退建议已处理</source>
        <translation>This dismissal proposal has already been handled</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_rules.py" line="55"/>
        <source>罚款标准条目不存在</source>
        <translation>The fine schedule entry does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_rules.py" line="94"/>
        <location filename="../../frontdesk/services/discipline/fine_rules.py" line="96"/>
        <source>请输入金额，例如 20 或 20.50</source>
        <translation>Enter an amount, e.g. 20 or 20.50</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_rules.py" line="107"/>
        <source>生效日期不能早于今天（已发生的违纪按原标准）</source>
        <translation>The effective date cannot be before today (past misconduct keeps the old schedule)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/schedule_import.py" line="132"/>
        <source>不是罚款金额（例如 20、100-200、10/人、20/次）</source>
        <translation>Not a fine amount (e.g. 20, 100-200, 10/person, 20/time)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/schedule_import.py" line="139"/>
        <source>应为 否、情节严重者辞退 或 是（并予辞退）</source>
        <translation>Must be No, Dismissal if serious, or Yes (with dismissal)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/schedule_import.py" line="149"/>
        <source>分档应写成 分钟:金额，例如 15:10, 30:20, 60:50</source>
        <translation>Write tiers as minutes:amount, e.g. 15:10, 30:20, 60:50</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/schedule_import.py" line="213"/>
        <source>与第 {0} 行编号重复</source>
        <translation>Same code as row {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="41"/>
        <source>{0} 的罚款表已签字确认（已锁定），如需修改请先由主管重新打开</source>
        <translation>The fine sheet for {0} has been signed (locked); a manager must reopen it before it can be changed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="83"/>
        <source>{0} 已签字确认</source>
        <translation>{0} has already been signed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="85"/>
        <source>{0} 还有 {1} 条违纪记录待确认或申诉中，处理完后才能签字</source>
        <translation>{0} still has {1} misconduct records awaiting confirmation or under appeal; sign after they are handled</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="97"/>
        <source>重新打开已签字的月份须填写原因</source>
        <translation>Reopening a signed month needs a reason</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="101"/>
        <source>{0} 尚未签字，无需重新打开</source>
        <translation>{0} has not been signed; there is nothing to reopen</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="114"/>
        <source>接班人不能是交班人本人</source>
        <translation>The incoming clerk cannot be the outgoing clerk</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="116"/>
        <source>备注不超过 2000 字</source>
        <translation>The note must be at most 2000 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="123"/>
        <source>本班次已有您的交接班记录</source>
        <translation>You already have a handover record for this shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="152"/>
        <location filename="../../frontdesk/services/personnel/handover.py" line="166"/>
        <source>交接班记录不存在</source>
        <translation>The handover record does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="154"/>
        <source>该交接班已确认接班</source>
        <translation>This handover has already been accepted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="156"/>
        <source>只有指定的接班人可以确认</source>
        <translation>Only the designated incoming clerk can accept</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="158"/>
        <source>交班人不能自己确认接班</source>
        <translation>The outgoing clerk cannot accept their own handover</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/calendar/edits.py" line="39"/>
        <source>请选择日期</source>
        <translation>Choose a date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/calendar/edits.py" line="41"/>
        <source>说明不超过 100 字</source>
        <translation>The description must be at most 100 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/calendar/edits.py" line="51"/>
        <location filename="../../frontdesk/services/calendar/edits.py" line="81"/>
        <source>该节假日设置不存在或已删除</source>
        <translation>This holiday setting does not exist or has been deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/calendar/edits.py" line="53"/>
        <location filename="../../frontdesk/services/calendar/edits.py" line="64"/>
        <source>{0:%Y-%m-%d} 已有设置，请直接修改那一条</source>
        <translation>{0:%Y-%m-%d} is already set; edit that entry instead</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/leaves.py" line="35"/>
        <source>请选择请假类型</source>
        <translation>Choose a leave type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/leaves.py" line="37"/>
        <source>请填写开始时间</source>
        <translation>Enter the start time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/leaves.py" line="39"/>
        <source>请填写结束时间</source>
        <translation>Enter the end time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/leaves.py" line="41"/>
        <source>结束时间须晚于开始时间</source>
        <translation>The end time must be after the start time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/leaves.py" line="43"/>
        <source>请填写请假事由</source>
        <translation>Enter the reason for the leave</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/leaves.py" line="66"/>
        <source>该请假申请已处理或不存在</source>
        <translation>This leave request has already been handled or does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/passwords.py" line="46"/>
        <source>密码至少 6 位</source>
        <translation>The password must be at least 6 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/passwords.py" line="48"/>
        <source>密码首尾不能有空格</source>
        <translation>The password cannot start or end with a space</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/permissions.py" line="13"/>
        <source>当前账户（{0}，{1}）没有“{2}”权限。</source>
        <translation>The current account ({0}, {1}) does not have the “{2}” permission.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/phrases.py" line="125"/>
        <source>请选择使用场景</source>
        <translation>Choose a situation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/phrases.py" line="133"/>
        <location filename="../../frontdesk/services/reception/phrases.py" line="155"/>
        <source>该规范用语不存在或已删除</source>
        <translation>This standard phrase does not exist or has been deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/phrases.py" line="189"/>
        <source>类别不超过 30 字</source>
        <translation>The category must be at most 30 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/phrases.py" line="198"/>
        <source>该忌语已在列表中</source>
        <translation>This phrase is already on the list</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/phrases.py" line="204"/>
        <location filename="../../frontdesk/services/reception/phrases.py" line="222"/>
        <source>该服务忌语不存在或已删除</source>
        <translation>This forbidden phrase does not exist or has been deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/contacts.py" line="60"/>
        <location filename="../../frontdesk/services/reception/transfers.py" line="113"/>
        <source>跟进人不存在</source>
        <translation>The follow-up person does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/contacts.py" line="64"/>
        <location filename="../../frontdesk/services/reception/contacts.py" line="114"/>
        <location filename="../../frontdesk/services/reception/contacts.py" line="138"/>
        <location filename="../../frontdesk/services/reception/transfers.py" line="43"/>
        <location filename="../../frontdesk/services/reception/transfers.py" line="103"/>
        <source>该接待记录不存在或已删除</source>
        <translation>This contact record does not exist or has been deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/contacts.py" line="117"/>
        <source>该记录已办结</source>
        <translation>This record has already been closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="47"/>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="109"/>
        <source>说明</source>
        <translation>explanation</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="51"/>
        <source>{0}不超过 {1} 字</source>
        <translation>At most {1} characters for the {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="62"/>
        <source>照片须通过“添加照片”选择</source>
        <translation>Photos must be chosen with “Add photos…”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="84"/>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="223"/>
        <source>该维修工单不存在或已删除</source>
        <translation>This repair order does not exist or has been deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="113"/>
        <source>通知取件和取件请分别使用“通知客户”和“取件验收”</source>
        <translation>For pickup notices and pickups use “Notify customer” and “Pickup”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="129"/>
        <source>请选择通知方式</source>
        <translation>Choose how the customer was notified</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="131"/>
        <source>请选择通知结果</source>
        <translation>Choose the result of the notice</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="141"/>
        <source>维修结果出来（已修好或无法修复）后才能通知客户取件</source>
        <translation>The customer can be told to collect only once the repair result is known (repaired or cannot be repaired)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="154"/>
        <source>取件检查结果</source>
        <translation>pickup inspection result</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="157"/>
        <source>客户不满意的原因</source>
        <translation>reason the customer is not satisfied</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="165"/>
        <source>工单当前为「{0}」，通知取件后才能取件</source>
        <translation>The order is at “{0}”; it can be collected only after the customer is notified</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="186"/>
        <source>返修原因</source>
        <translation>reason for rework</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/repairs.py" line="192"/>
        <source>工单当前为「{0}」，还不能返修</source>
        <translation>The order is at “{0}”; it cannot be sent back for rework yet</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/returns.py" line="98"/>
        <location filename="../../frontdesk/services/aftersales/returns.py" line="175"/>
        <source>该退换货记录不存在或已删除</source>
        <translation>This return/exchange record does not exist or has been deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/returns.py" line="109"/>
        <source>当前状态为「{0}」，只有协商中的记录可以改处理意见</source>
        <translation>The status is “{0}”; only records under negotiation can change the decision</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/returns.py" line="111"/>
        <source>请选择协商结果：同意或拒绝</source>
        <translation>Choose the outcome of the negotiation: approve or refuse</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/returns.py" line="136"/>
        <source>当前状态为「{0}」，无需审批</source>
        <translation>The status is “{0}”; no approval is needed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/returns.py" line="153"/>
        <source>退款 {0} 元超过审批金额，须主管审批后才能办结</source>
        <translation>The refund of {0} yuan is above the approval amount; a manager must approve it before it can be completed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/returns.py" line="155"/>
        <source>当前状态为「{0}」，不能办结</source>
        <translation>The status is “{0}”; it cannot be completed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/excel/table_reader.py" line="68"/>
        <source>不是日期（例如 2024-03-01）</source>
        <translation>Not a date (e.g. 2024-03-01)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="80"/>
        <source>部门“{0}”不存在，请先在部门管理中添加</source>
        <translation>Department “{0}” does not exist; add it in department management first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="86"/>
        <source>角色“{0}”无效（客服、主管或管理员）</source>
        <translation>Role “{0}” is invalid (agent, supervisor or administrator)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="92"/>
        <source>“{0}”应为 是/否（在职/离职）</source>
        <translation>“{0}” must be yes/no (active/left)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="149"/>
        <source>与第 {0} 行工号重复</source>
        <translation>Same staff no. as row {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="59"/>
        <source>只有员工本人可以填写礼仪自查表</source>
        <translation>Only the staff member can fill in their own etiquette self-check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="62"/>
        <source>不能提前填写以后的自查表</source>
        <translation>Self-checks for later periods cannot be filled in yet</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="72"/>
        <source>本期自查表已由主管审阅，不能再修改</source>
        <translation>A manager has reviewed this period&apos;s self-check; it can no longer be changed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="87"/>
        <source>该自查表不存在</source>
        <translation>This self-check does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/selfchecks.py" line="95"/>
        <source>只能查看本人的自查表</source>
        <translation>You can only view your own self-checks</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="46"/>
        <source>请填写班次名称（不超过 20 字）</source>
        <translation>Enter a shift name (at most 20 characters)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="51"/>
        <source>时间格式为 HH:MM，例如 08:00</source>
        <translation>Times are written HH:MM, e.g. 08:00</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="53"/>
        <source>结束时间不能与开始时间相同</source>
        <translation>The end time cannot be the same as the start time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="63"/>
        <source>已有同名班次</source>
        <translation>A shift with this name already exists</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="67"/>
        <source>班次不存在</source>
        <translation>The shift does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="130"/>
        <source>请选择班次</source>
        <translation>Choose a shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="132"/>
        <source>请选择员工</source>
        <translation>Choose a staff member</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="135"/>
        <source>该员工在这段时间已有排班</source>
        <translation>This staff member is already rostered at this time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="148"/>
        <source>已有签到记录的班次不能取消排班</source>
        <translation>A shift with clock-in records cannot be removed from the schedule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="157"/>
        <source>该排班不存在或已取消</source>
        <translation>This roster entry does not exist or has been cancelled</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="181"/>
        <source>请填写调班原因</source>
        <translation>Enter the reason for the swap</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="183"/>
        <source>请选择替班同事</source>
        <translation>Choose the colleague who will cover</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="189"/>
        <source>只能为自己的班次申请调班</source>
        <translation>You can only request swaps for your own shifts</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="191"/>
        <source>替班同事不能是本人</source>
        <translation>The covering colleague cannot be yourself</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="196"/>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="214"/>
        <source>替班同事在该时段已有排班</source>
        <translation>The covering colleague is already rostered at that time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/shifts.py" line="210"/>
        <source>该调班申请已处理或不存在</source>
        <translation>This swap request has already been handled or does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/site.py" line="39"/>
        <source>站点代码为 2–8 位大写字母或数字，以字母开头，例如 S01</source>
        <translation>The site code is 2–8 uppercase letters or digits, starting with a letter, e.g. S01</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/site.py" line="41"/>
        <location filename="../../frontdesk/services/core/site.py" line="78"/>
        <source>请填写站点名称</source>
        <translation>Enter the site name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/site.py" line="43"/>
        <source>站点名称不超过 50 字</source>
        <translation>The site name must be at most 50 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/site.py" line="45"/>
        <source>账户名为 2–20 位字母、数字或 _.-</source>
        <translation>The account name is 2–20 letters, digits or _.-</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/site.py" line="62"/>
        <source>本数据库已初始化，站点代码为 {0}</source>
        <translation>This database is already initialized; its site code is {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="44"/>
        <source>请填写工号</source>
        <translation>Enter the staff no.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="46"/>
        <source>工号不超过 20 位</source>
        <translation>The staff no. must be at most 20 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="54"/>
        <source>工号 {0} 已被使用</source>
        <translation>Staff no. {0} is already in use</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="56"/>
        <source>请填写姓名</source>
        <translation>Enter the name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="58"/>
        <source>姓名不超过 30 字</source>
        <translation>The name must be at most 30 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="63"/>
        <source>角色无效</source>
        <translation>Invalid role</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="65"/>
        <source>入职日期不能晚于今天</source>
        <translation>The hire date cannot be after today</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="67"/>
        <location filename="../../frontdesk/services/reception/transfers.py" line="47"/>
        <source>部门不存在</source>
        <translation>The department does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="84"/>
        <location filename="../../frontdesk/services/core/staff.py" line="153"/>
        <source>员工不存在或已删除</source>
        <translation>The staff member does not exist or has been deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="157"/>
        <location filename="../../frontdesk/services/core/staff.py" line="89"/>
        <source>不能停用自己的账户</source>
        <translation>You cannot deactivate your own account</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="262"/>
        <source>请填写部门名称</source>
        <translation>Enter the department name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="264"/>
        <source>部门名称不超过 50 字</source>
        <translation>The department name must be at most 50 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="272"/>
        <source>部门“{0}”已存在</source>
        <translation>Department “{0}” already exists</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="277"/>
        <source>部门不存在或已删除</source>
        <translation>The department does not exist or has been deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/cli.py" line="20"/>
        <source>请先运行 init 初始化站点</source>
        <translation>Run init to set up the site first</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/cli.py" line="32"/>
        <source>--since 已停用：记录按本库变更号挑选（上次发给目标站点以来），导出全部请用 --all</source>
        <translation>--since is no longer supported: records are picked by this database&apos;s change numbers (since the last export to the destination); use --all to export everything</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/conflicts.py" line="59"/>
        <location filename="../../frontdesk/services/sync/conflicts.py" line="80"/>
        <source>该冲突记录不存在</source>
        <translation>This conflict record does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/conflicts.py" line="76"/>
        <source>请选择保留本站版本或采用对方版本</source>
        <translation>Choose whether to keep this site&apos;s version or take the other one</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/conflicts.py" line="82"/>
        <source>该冲突已处理</source>
        <translation>This conflict has already been resolved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/conflicts.py" line="85"/>
        <source>本程序不认识记录类型 {0}</source>
        <translation>This program does not know the record type {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/conflicts.py" line="88"/>
        <source>冲突涉及的本站记录已不存在</source>
        <translation>The local record in this conflict no longer exists</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/conflicts.py" line="95"/>
        <source>采用对方版本会使本站没有可登录的在职管理员，请保留本站版本</source>
        <translation>Taking the other site&apos;s version would leave this site without an active admin who can sign in: keep this site&apos;s version</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/system.py" line="59"/>
        <source>请填写服务器地址</source>
        <translation>Enter the server address</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/system.py" line="61"/>
        <source>请填写数据库名</source>
        <translation>Enter the database name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/system.py" line="63"/>
        <source>请填写用户名</source>
        <translation>Enter the user name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/system.py" line="66"/>
        <source>端口为 1–65535 的数字</source>
        <translation>The port is a number from 1 to 65535</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/system.py" line="137"/>
        <source>数据文件夹所在的磁盘空间已满（{0}），数据库无法打开。这不表示数据库已损坏，请不要从备份恢复：清理磁盘后重新启动即可。</source>
        <translation>The disk holding the data folder is full ({0}), so the database cannot be opened. This does not mean the database is damaged; do not restore a backup: free some disk space and start again.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/system.py" line="142"/>
        <source>数据库文件已损坏，无法打开（{0}）。
请在“系统维护”中或用命令 restore 从备份恢复：{1}</source>
        <translation>The database file is damaged and cannot be opened ({0}).
Restore it from a backup under “System” or with the restore command: {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/system.py" line="147"/>
        <source>无法打开数据库（{0}）。这不表示数据库已损坏，请不要从备份恢复；请检查磁盘和数据文件夹后重试，如仍不行请联系技术支持（日志：{1}）。</source>
        <translation>The database cannot be opened ({0}). This does not mean it is damaged; do not restore a backup. Check the disk and the data folder and try again; if it still fails, contact support (log: {1}).</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/system.py" line="246"/>
        <source>请给出 postgresql://用户:密码@主机:端口/库名 形式的地址</source>
        <translation>Give an address of the form postgresql://user:password@host:port/database</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="31"/>
        <source>请选择承办部门</source>
        <translation>Choose the department to handle it</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="33"/>
        <source>请填写办理期限</source>
        <translation>Enter the due time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="35"/>
        <source>办理期限必须晚于现在</source>
        <translation>The due time must be in the future</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="37"/>
        <source>转办说明不超过 500 字</source>
        <translation>The transfer instructions must be at most 500 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="45"/>
        <source>已办结的记录不能再转办</source>
        <translation>A closed record cannot be transferred again</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="64"/>
        <source>该转办记录不存在</source>
        <translation>This transfer does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="77"/>
        <source>请填写部门答复</source>
        <translation>Enter the department&apos;s reply</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="79"/>
        <source>部门答复不超过 2000 字</source>
        <translation>The department&apos;s reply is at most 2000 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="81"/>
        <source>处理结果不超过 500 字</source>
        <translation>The result is at most 500 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="83"/>
        <source>请选择答复后如何处理</source>
        <translation>Choose what happens after the reply</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="86"/>
        <source>请填写跟进事项</source>
        <translation>Enter the follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="88"/>
        <source>跟进事项不超过 200 字</source>
        <translation>The follow-up is at most 200 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="92"/>
        <source>请填写跟进期限</source>
        <translation>Enter the follow-up due date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="100"/>
        <source>该转办已关闭</source>
        <translation>This transfer has already been closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="106"/>
        <source>该接待已办结，只能登记答复</source>
        <translation>The contact is already closed: the reply can only be recorded</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="110"/>
        <source>该接待还有其他部门未答复，暂不能办结</source>
        <translation>Other departments have not replied yet: the contact cannot be closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/transfers.py" line="160"/>
        <source>该转办已答复，无需催办</source>
        <translation>This transfer has already been answered; no need to chase it</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="58"/>
        <source>关联的投诉不存在</source>
        <translation>The linked complaint does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="78"/>
        <location filename="../../frontdesk/services/reception/visits.py" line="111"/>
        <source>该回访记录不存在或已删除</source>
        <translation>This return visit does not exist or has been deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="80"/>
        <source>只有回访人本人或主管可以修改这条回访记录。</source>
        <translation>Only the visitor or a manager can change this return visit.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="323"/>
        <source>该电话已登记为“{0}”</source>
        <translation>This phone number is already registered to “{0}”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="323"/>
        <source>该电话已登记为“{0}”（已停用，请主管重新启用）</source>
        <translation>This phone number is already registered to “{0}” (inactive; ask a manager to reactivate it)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/visits.py" line="330"/>
        <location filename="../../frontdesk/services/reception/visits.py" line="347"/>
        <location filename="../../frontdesk/services/reception/visits.py" line="388"/>
        <source>该客户不存在或已删除</source>
        <translation>This customer does not exist or has been deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/audit.py" line="80"/>
        <source>校验码应为 12 位十六进制数字，如 1a2b-3c4d-5e6f</source>
        <translation>A check code is 12 hexadecimal digits, e.g. 1a2b-3c4d-5e6f</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/audit.py" line="109"/>
        <source>审计记录被改动：站点 {0} 第 {1} 条（{2:%Y-%m-%d %H:%M} {3} {4} {5}）与其校验码不符</source>
        <translation>Audit trail altered: site {0}, entry {1} ({2:%Y-%m-%d %H:%M} {3} {4} {5}) does not match its check code</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/audit.py" line="111"/>
        <source>审计记录不连续：站点 {0} 第 {1} 条（{2:%Y-%m-%d %H:%M} {3} {4} {5}）之前的记录被删除或改动</source>
        <translation>Audit trail broken: an entry before site {0}, entry {1} ({2:%Y-%m-%d %H:%M} {3} {4} {5}) was deleted or altered</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/auth.py" line="50"/>
        <source>工号或密码错误（连续输错 {0} 次将锁定 {1} 分钟）</source>
        <translation>Wrong staff no. or password ({0} wrong in a row lock the account for {1} minutes)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="143"/>
        <source>{0} 是最后一位在职管理员，不能停用</source>
        <translation>{0} is the last active administrator and cannot be deactivated</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="141"/>
        <source>{0} 是最后一位在职管理员，不能改为其他角色</source>
        <translation>{0} is the last active administrator and cannot be given another role</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/staff.py" line="145"/>
        <source>{0} 是最后一位在职管理员，不能更改工号</source>
        <translation>{0} is the last active administrator; the staff no. cannot be changed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/auth.py" line="188"/>
        <source>工号 {0} 不存在</source>
        <translation>Staff no. {0} does not exist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/auth.py" line="193"/>
        <source>请用 --user 指定要恢复的管理员工号（现有管理员：{0}）</source>
        <translation>Name the administrator to recover with --user (administrators: {0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="75"/>
        <source>不是金额</source>
        <translation>Not an amount</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="79"/>
        <source>金额 {0} 超过上限 {1} 元</source>
        <translation>The amount {0} is above the ceiling of {1} yuan</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/fines.py" line="81"/>
        <source>金额 {0} 超过两位小数（精确到分）</source>
        <translation>The amount {0} has more than two decimals (whole fen only)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/chunks.py" line="37"/>
        <source>导入在第 {0} 行中断：{1}
已写入的 {2} 行已撤销，数据与导入前相同。问题解决后请重新导入。</source>
        <translation>The import stopped at row {0}: {1}
The {2} rows already written were undone; the data is as it was before the import. Import again once the problem is solved.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/chunks.py" line="40"/>
        <source>
其中 {0} 行导入后已被他人修改，保留了修改后的内容。</source>
        <translation>
{0} of them were changed by someone else after the import and keep those changes.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/chunks.py" line="42"/>
        <source>导入在第 {0} 行中断：{1}
之前写入的 {2} 行未能撤销（{3}）。问题解决后再导入同一表格，已写入的行显示为“不变”，只补上其余的行。</source>
        <translation>The import stopped at row {0}: {1}
The {2} rows written before it could not be undone ({3}). Once the problem is solved, import the same sheet again: the rows already written show as “unchanged” and only the rest are added.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/audit_match.py" line="69"/>
        <source>记录被删除：{0} {1}（审计第 {2} 条记有它），数据库中已没有这条记录</source>
        <translation>A record was deleted: {0} {1} (audit entry {2} records it) is no longer in the database</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/audit_match.py" line="75"/>
        <source>记录与审计不符：{0} {1} 的 {2} 现为 {3}，审计第 {4} 条记为 {5}</source>
        <translation>A record does not match its audit: {2} of {0} {1} is now {3}, audit entry {4} records {5}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/audit_match.py" line="78"/>
        <source>另有 {0} 处记录与审计不符</source>
        <translation>{0} more records do not match their audit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="57"/>
        <location filename="../../frontdesk/services/calendar/edits.py" line="23"/>
        <source>年份须在 {0}–{1} 之间</source>
        <translation>The year must be between {0} and {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="66"/>
        <source>不是节假日 JSON 文件，也不是 .ics 日历</source>
        <translation>Neither a holiday JSON file nor an .ics calendar</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="69"/>
        <source>文件中没有 days 列表（应为 holiday-cn 格式）</source>
        <translation>The file has no days list (expected the holiday-cn format)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="73"/>
        <source>请在 year 中写明年份</source>
        <translation>Give the year in &quot;year&quot;</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="83"/>
        <source>应为含 name、date、isOffDay 的一项</source>
        <translation>Each entry needs name, date and isOffDay</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="87"/>
        <source>请填写节日名称</source>
        <translation>Give the holiday&apos;s name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="90"/>
        <source>应为 true（放假）或 false（上班）</source>
        <translation>Must be true (day off) or false (working day)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="97"/>
        <source>日期应写成 YYYY-MM-DD</source>
        <translation>The date must be written YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="156"/>
        <source>日历中没有任何事件（VEVENT）</source>
        <translation>The calendar has no events (VEVENT)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="172"/>
        <source>开始日期应写成 YYYYMMDD</source>
        <translation>The start date must be written YYYYMMDD</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="177"/>
        <source>结束日期应晚于开始日期，且不超过 60 天</source>
        <translation>The end date must be after the start date and at most 60 days later</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="182"/>
        <source>看不出是放假还是上班（标题应含“假”“休”或“班”）</source>
        <translation>Cannot tell a day off from a working day (the title should contain 假, 休 or 班)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="191"/>
        <source>文件中没有任何日期</source>
        <translation>The file holds no dates</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="194"/>
        <source>日期过多，不像一年的放假安排（最多 {0} 天）</source>
        <translation>Too many dates for one year&apos;s holiday schedule (at most {0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="200"/>
        <source>不属于 {0} 年的放假安排</source>
        <translation>Not part of the {0} holiday schedule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/holiday_file.py" line="208"/>
        <source>与第 {0} 条同一天，一条放假一条上班</source>
        <translation>Same date as entry {0}, but one says day off and the other working day</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/calendar/schedule_import.py" line="29"/>
        <source>第 {0} 条 {1}</source>
        <translation>entry {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/calendar/schedule_import.py" line="30"/>
        <source>节假日文件未导入，没有任何改动（共 {0} 处问题）。{1}：{2}</source>
        <translation>The holiday file was not imported; nothing was changed ({0} problems). {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/calendar/schedule_import.py" line="64"/>
        <source>文件过大，不是节假日安排</source>
        <translation>The file is too large to be a holiday schedule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/calendar/schedule_import.py" line="72"/>
        <source>文件不是文本（应为 UTF-8 的 JSON 或 .ics）</source>
        <translation>The file is not text (expected UTF-8 JSON or .ics)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/calendar/schedule_import.py" line="102"/>
        <source>导入 {0}</source>
        <translation>Imported {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/case_roles.py" line="62"/>
        <source>「核实」须由主管或本案承办人完成</source>
        <translation>Verification must be finished by a manager or the case&apos;s handler</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/case_roles.py" line="64"/>
        <source>「方案」须经主管审批后才能转入「反馈」</source>
        <translation>The plan must be approved by a manager before moving to Feedback</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/case_roles.py" line="65"/>
        <source>「归档总结」须由主管完成并结案</source>
        <translation>Archiving must be done and the case closed by a manager</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/case_roles.py" line="78"/>
        <source>重大投诉的方案须另一位主管（分管领导）审批</source>
        <translation>A major complaint&apos;s plan needs the approval of a second manager (the responsible leader)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/case_roles.py" line="80"/>
        <source>重大投诉须先记录已上报公司领导（上报对象）</source>
        <translation>For a major complaint, first record whom it was reported to among company leaders</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/case_roles.py" line="89"/>
        <source>承办人只能修改投诉类别，其他须由主管修改</source>
        <translation>The handler may change only the category; a manager changes the rest</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/case_roles.py" line="90"/>
        <source>只有主管（或本案承办人修改类别）可以修改投诉分类</source>
        <translation>Only a manager (or the case&apos;s handler, for the category) can reclassify a complaint</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="110"/>
        <source>请填写该时限</source>
        <translation>Enter this limit</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="113"/>
        <source>时限必须是大于 0 的整数</source>
        <translation>The limit must be a whole number above 0</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="115"/>
        <source>时限不能超过 {0}</source>
        <translation>The limit cannot exceed {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="118"/>
        <source>请同时填写服务开始和结束时间</source>
        <translation>Enter both the opening and the closing time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="120"/>
        <source>服务结束时间必须晚于开始时间</source>
        <translation>The closing time must be after the opening time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/handling.py" line="37"/>
        <source>处理等级只能是 1–3 级</source>
        <translation>The level must be 1–3</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/handling.py" line="42"/>
        <source>承办人不存在或已停用</source>
        <translation>The handler does not exist or is inactive</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/handling.py" line="65"/>
        <source>案件已结案，不能再修改分类</source>
        <translation>The case is closed; its classification can no longer change</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/handling.py" line="100"/>
        <location filename="../../frontdesk/services/complaints/handling.py" line="138"/>
        <source>只有处于「方案」阶段的案件可以审批方案</source>
        <translation>Only a case at the Plan stage can have its plan approved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/handling.py" line="102"/>
        <source>您已审批过该方案</source>
        <translation>You have already approved this plan</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/handling.py" line="112"/>
        <source>请填写上报对象（如：公司分管副总 张总）</source>
        <translation>Enter whom it was reported to (e.g. Deputy GM Zhang)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/handling.py" line="114"/>
        <source>上报对象不能超过 60 个字</source>
        <translation>Reported to: at most 60 characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/handling.py" line="124"/>
        <location filename="../../frontdesk/services/complaints/handling.py" line="139"/>
        <source>上报领导须由主管或本案承办人记录</source>
        <translation>Only a manager or the case&apos;s handler can record a report to leaders</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/handling.py" line="133"/>
        <source>只有主管可以进行此操作</source>
        <translation>Only a manager can do this</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/handling.py" line="136"/>
        <source>请使用“结案”</source>
        <translation>Use “Close”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/handling.py" line="137"/>
        <source>推进到「归档总结」后才能结案</source>
        <translation>Move the case to Archive before closing it</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/sla_policy.py" line="73"/>
        <source>生效日期不能早于今天（已受理的投诉按原标准）</source>
        <translation>The effective date cannot be before today (cases already opened keep their policy)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/typed_dates.py" line="10"/>
        <source>无法识别的日期，可输入 1120、11-20、20261120、2026-11-20、t（今天）、+3 或 -1</source>
        <translation>Not a date: type 1120, 11-20, 20261120, 2026-11-20, t (today), +3 or -1</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/typed_dates.py" line="11"/>
        <source>没有这一天</source>
        <translation>There is no such day</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/date_field.py" line="25"/>
        <source>日期不能早于 {0}</source>
        <translation>The date cannot be before {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/date_field.py" line="26"/>
        <source>日期不能晚于 {0}</source>
        <translation>The date cannot be after {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/date_field.py" line="97"/>
        <source>请填写日期</source>
        <translation>Please enter a date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="100"/>
        <source>请选择知识分类</source>
        <translation>Choose a category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/expressway.py" line="286"/>
        <location filename="../../frontdesk/domain/knowledge.py" line="102"/>
        <source>请填写标题</source>
        <translation>Enter a title</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="104"/>
        <source>标题不超过 {0} 字</source>
        <translation>At most {0} characters in the title</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="106"/>
        <source>关键词不超过 {0} 字</source>
        <translation>At most {0} characters of keywords</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="108"/>
        <source>请填写答复内容</source>
        <translation>Enter the answer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="110"/>
        <source>答复内容不超过 {0} 字</source>
        <translation>At most {0} characters in the answer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/knowledge.py" line="112"/>
        <source>失效日期不能早于生效日期</source>
        <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/knowledge.py" line="35"/>
        <source>该知识条目不存在或已删除</source>
        <translation>This article does not exist or was deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/knowledge.py" line="172"/>
        <source>该分类下已有同名条目</source>
        <translation>This category already has an article with this title</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/knowledge_import.py" line="61"/>
        <source>分类无效（例如 停车服务、常见问题）</source>
        <translation>Not a category (e.g. 停车服务, 常见问题)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/knowledge_import.py" line="71"/>
        <source>“{0}”应为 是/否</source>
        <translation>“{0}” should be 是/否 (yes/no)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reception/knowledge_import.py" line="99"/>
        <source>与第 {0} 行重复（同一分类、同一标题）</source>
        <translation>Same as row {0} (same category and title)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/exporter.py" line="159"/>
        <source>不能导出给本站自己</source>
        <translation>A site cannot export to itself</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/exporter.py" line="166"/>
        <source>发往 {0} 的游标（第 {1} 号变更）超过本站现有的最大变更号 {2}：本站数据库可能从备份恢复或重新初始化过。请选择“全部记录”重新导出。</source>
        <translation>The cursor for {0} (change {1}) is beyond this site&apos;s highest change number {2}: this database may have been restored from a backup or re-initialised. Export all records instead.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/keys.py" line="73"/>
        <source>密钥文件格式不对：应为 64 位十六进制字符（{0}）</source>
        <translation>The key file is not in the right format: it must hold 64 hexadecimal characters ({0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/keys.py" line="104"/>
        <source>请填写对方的站点代码（2–8 位大写字母或数字，不能是本站）</source>
        <translation>Enter the other site&apos;s code (2–8 capital letters or digits, not this site&apos;s)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/keys.py" line="107"/>
        <source>数据文件夹未打开</source>
        <translation>The data folder is not open</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/keys.py" line="110"/>
        <source>密钥文件不存在：{0}</source>
        <translation>The key file does not exist: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/keys.py" line="123"/>
        <source>本站曾与 {0} 配对过：重新配对时请在本站新建密钥文件带到 {0}（{0} 若是重新安装的，它的新记录编号才不会与旧记录重复）</source>
        <translation>This site was paired with {0} before: to pair again, make a new key file here and take it to {0} (if {0} was set up again, its new record numbers then never repeat old ones)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/segment.py" line="57"/>
        <source>词表不超过 {0} 个词</source>
        <translation>A list holds at most {0} words</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/segment.py" line="60"/>
        <source>“{0}”太长：每个词不超过 {1} 个字</source>
        <translation>“{0}” is too long: a word has at most {1} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/segment.py" line="62"/>
        <source>“{0}”含有标点或符号：词只能由汉字、字母和数字组成</source>
        <translation>“{0}” contains punctuation or symbols: a word is made of Chinese characters, letters and digits only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly_words.py" line="63"/>
        <source>“{0}”既在站点词典又在停用词里，请只保留一处</source>
        <translation>“{0}” is in both the site dictionary and the stop words; keep it in one only</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/help_calls.py" line="35"/>
        <source>该求助记录不存在或已删除</source>
        <translation>This help call does not exist or was deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/expressway/notices.py" line="28"/>
        <source>该公告不存在或已删除</source>
        <translation>This notice does not exist or was deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/meals.py" line="40"/>
        <source>用餐时间格式为 HH:MM，例如 12:00；不安排用餐请两项都留空</source>
        <translation>Meal times are HH:MM, e.g. 12:00; leave both empty for no meal break</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/meals.py" line="52"/>
        <source>用餐时间不超过 {0} 分钟</source>
        <translation>A meal break is at most {0} minutes</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/meals.py" line="54"/>
        <source>用餐时间应在班次时间之内</source>
        <translation>The meal time must lie within the shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/training.py" line="32"/>
        <source>该培训记录不存在或已删除</source>
        <translation>This training session does not exist or was deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/training.py" line="191"/>
        <source>只能查看本人的培训记录</source>
        <translation>You can only view your own training record</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/duty.py" line="40"/>
        <source>请填写留言内容</source>
        <translation>Enter the message</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/duty.py" line="42"/>
        <source>留言内容不超过 {0} 字</source>
        <translation>The message can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/duty.py" line="44"/>
        <source>留言人不超过 {0} 字</source>
        <translation>&quot;Left by&quot; can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/duty.py" line="46"/>
        <source>联系电话不超过 {0} 位</source>
        <translation>The phone number can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/duty.py" line="48"/>
        <source>联系电话只能包含数字、空格和 + - ( )</source>
        <translation>The phone number may only contain digits, spaces and + - ( )</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/duty.py" line="88"/>
        <source>请填写值守事项</source>
        <translation>Enter the duty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/duty.py" line="90"/>
        <source>值守事项不超过 {0} 字</source>
        <translation>The duty can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/duty.py" line="92"/>
        <source>时间请写成 时:分，如 08:30</source>
        <translation>Write the time as hh:mm, e.g. 08:30</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/duty.py" line="94"/>
        <source>单位不超过 {0} 字</source>
        <translation>The unit can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/duty.py" line="96"/>
        <source>说明不超过 {0} 字</source>
        <translation>The note can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/duty.py" line="108"/>
        <location filename="../../frontdesk/domain/duty.py" line="110"/>
        <source>读数请填写数字，如 12345.6</source>
        <translation>Enter the reading as a number, e.g. 12345.6</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/duty.py" line="112"/>
        <source>读数最多两位小数</source>
        <translation>A reading has at most two decimal places</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="36"/>
        <source>该值守事项不存在或已删除</source>
        <translation>This duty does not exist or was deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="69"/>
        <source>请选择班次（或“每个班次”）</source>
        <translation>Choose a shift (or &quot;Every shift&quot;)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="76"/>
        <source>该班次已有同名值守事项</source>
        <translation>This shift already has a duty with that name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="175"/>
        <source>不能为以后的班次打勾</source>
        <translation>A later shift cannot be ticked yet</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="180"/>
        <source>请填写{0}读数</source>
        <translation>Enter the {0} reading</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="183"/>
        <source>备注不超过 {0} 字</source>
        <translation>The note can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="187"/>
        <location filename="../../frontdesk/services/personnel/duties.py" line="263"/>
        <source>该事项本班已完成（{0}）</source>
        <translation>This duty is already done for the shift ({0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="189"/>
        <location filename="../../frontdesk/services/personnel/duties.py" line="265"/>
        <source>该事项已记为漏做并登记违纪</source>
        <translation>This duty is recorded as missed, with an incident</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="206"/>
        <source>没有可撤销的打勾记录</source>
        <translation>There is no tick to undo</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="208"/>
        <source>只能撤销自己的打勾</source>
        <translation>You can only undo your own ticks</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="259"/>
        <source>请选择当班员工</source>
        <translation>Choose who was on shift</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/duties.py" line="279"/>
        <source>漏做值守事项：{0}（{1} {2}）</source>
        <translation>Duty missed: {0} ({1} {2})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="22"/>
        <source>该留言不存在或已删除</source>
        <translation>This message does not exist or was deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="106"/>
        <source>请选择在职的同事，或选“下一班”</source>
        <translation>Choose a colleague in service, or &quot;the next shift&quot;</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="108"/>
        <source>不能给自己留言转告</source>
        <translation>You cannot leave a message for yourself</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="128"/>
        <source>该留言已由 {0} 阅读确认</source>
        <translation>{0} has already marked this message as read</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="131"/>
        <source>只有留言转告的对象本人可以确认已阅</source>
        <translation>Only the person the message is for can mark it as read</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/messages.py" line="133"/>
        <source>留言人不能替下一班确认已阅</source>
        <translation>The author cannot mark a next-shift message as read</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="38"/>
        <source>该检查记录不存在或已删除</source>
        <translation>This inspection does not exist or was deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="39"/>
        <source>该舆情记录不存在或已删除</source>
        <translation>This entry does not exist or was deleted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="261"/>
        <source>请填写跟进情况</source>
        <translation>Enter the follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="263"/>
        <source>跟进情况不超过 {0} 字</source>
        <translation>The follow-up can be at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/supervision.py" line="269"/>
        <source>该条已办结</source>
        <translation>This entry is closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/print_settings.py" line="47"/>
        <source>请选择 A4 或 80 mm 小票</source>
        <translation>Choose A4 or 80 mm receipt</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/pgdump.py" line="46"/>
        <source>找不到 PostgreSQL 客户端工具 {0}，无法备份或恢复服务器上的数据库。请安装 PostgreSQL 15 客户端（Debian/Ubuntu：apt install postgresql-client-15；Windows：PostgreSQL 安装程序中的“Command Line Tools”），或把它所在的文件夹设为环境变量 FRONTDESK_PG_BIN。</source>
        <translation>The PostgreSQL client tool {0} was not found, so the server database cannot be backed up or restored. Install the PostgreSQL 15 client (Debian/Ubuntu: apt install postgresql-client-15; Windows: “Command Line Tools” in the PostgreSQL installer), or set the environment variable FRONTDESK_PG_BIN to the folder that holds it.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/pgdump.py" line="73"/>
        <source>{0} 无法运行：{1}</source>
        <translation>{0} could not run: {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/pgdump.py" line="75"/>
        <source>{0} 超过 {1} 小时仍未完成，已停止。</source>
        <translation>{0} had not finished after {1} hours and was stopped.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/pgdump.py" line="79"/>
        <source>{0} 失败：{1}</source>
        <translation>{0} failed: {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/pgdump.py" line="91"/>
        <location filename="../../frontdesk/db/pgdump.py" line="100"/>
        <source>备份文件检查（pg_restore --list）</source>
        <translation>Backup file check (pg_restore --list)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/transfer.py" line="83"/>
        <source>目标数据库 {0} 不是空的（已有 {1} 个表，例如 {2}）：migrate-to 只写入空数据库。请让服务器管理员新建一个空数据库后重试。</source>
        <translation>The target database {0} is not empty ({1} tables, e.g. {2}): migrate-to writes only into an empty database. Ask the server administrator for a new, empty database and try again.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/transfer.py" line="89"/>
        <source>SQLite 数据库的结构版本是 {0}，本程序是 {1}：请先用本程序打开一次（例如运行 check）再迁移。</source>
        <translation>The SQLite database is at schema version {0} and this program at {1}: open it once with this program (e.g. run check) before migrating.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/transfer.py" line="102"/>
        <source>迁移后行数不一致，已撤销，服务器上没有写入数据：{0}</source>
        <translation>The row counts differ after the copy, so it was undone and nothing was written to the server: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/db/transfer.py" line="165"/>
        <source>服务器上的表结构中没有这些表：{0}</source>
        <translation>The server schema lacks these tables: {0}</translation>
    </message>
</context>
<context>
    <name>handover</name>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="29"/>
        <source>接待登记</source>
        <translation>Contact log</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="29"/>
        <source>承诺答复到期</source>
        <translation>Promised reply due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="30"/>
        <source>跟进到期</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="30"/>
        <source>投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="31"/>
        <source>维修工单</source>
        <translation>Repair orders</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/personnel/handover.py" line="31"/>
        <source>退换货</source>
        <translation>Returns and exchanges</translation>
    </message>
</context>
<context>
    <name>hotkeys</name>
    <message>
        <location filename="../../frontdesk/ui/hotkeys.py" line="30"/>
        <source>新接待登记</source>
        <translation>New contact</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/hotkeys.py" line="31"/>
        <source>新建投诉…</source>
        <translation>New complaint…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/hotkeys.py" line="32"/>
        <source>退换货登记…</source>
        <translation>New return/exchange…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/hotkeys.py" line="33"/>
        <source>维修受理…</source>
        <translation>New repair…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/hotkeys.py" line="34"/>
        <source>交接班…</source>
        <translation>Hand over shift…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/hotkeys.py" line="51"/>
        <source>办理(&amp;W)</source>
        <translation>&amp;Work</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/hotkeys.py" line="62"/>
        <location filename="../../frontdesk/ui/hotkeys.py" line="63"/>
        <source>当前账户没有这项权限</source>
        <translation>This account is not allowed to do this</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/hotkeys.py" line="67"/>
        <source>刷新当前列表</source>
        <translation>Refresh the list</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/hotkeys.py" line="69"/>
        <source>搜索当前列表</source>
        <translation>Search the list</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/hotkeys.py" line="90"/>
        <source>已刷新</source>
        <translation>Refreshed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/hotkeys.py" line="103"/>
        <source>本页没有搜索框</source>
        <translation>This page has no search box</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="35"/>
        <source>职位</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="37"/>
        <location filename="../../frontdesk/services/discipline/schedule_import.py" line="164"/>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="137"/>
        <source>{0}：{1} → {2}</source>
        <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="110"/>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="141"/>
        <source>空</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="116"/>
        <source>在职</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/roster_import.py" line="116"/>
        <source>离职</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/schedule_import.py" line="158"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/schedule_import.py" line="159"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/schedule_import.py" line="159"/>
        <source>违规行为</source>
        <translation>Offence</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/schedule_import.py" line="160"/>
        <location filename="../../frontdesk/ui/dialogs/sync_exchange.py" line="159"/>
        <source>罚款</source>
        <translation>Fine</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/schedule_import.py" line="161"/>
        <source>是否辞退</source>
        <translation>Dismissal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/schedule_import.py" line="163"/>
        <source>分档</source>
        <translation>Tiers</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../frontdesk/ui/messages.py" line="38"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/messages.py" line="49"/>
        <location filename="../../frontdesk/ui/messages.py" line="53"/>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/messages.py" line="58"/>
        <source>请确认</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/messages.py" line="71"/>
        <source>记录已被修改</source>
        <translation>Record changed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/messages.py" line="73"/>
        <source>重新载入最新内容</source>
        <translation>Reload the latest version</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/messages.py" line="74"/>
        <source>保留我填写的内容</source>
        <translation>Keep what I typed</translation>
    </message>
</context>
<context>
    <name>nav</name>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="31"/>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="32"/>
        <source>接待登记</source>
        <translation>Contact log</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="33"/>
        <source>转办督办</source>
        <translation>Transfers</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="34"/>
        <source>投诉处理</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="35"/>
        <source>回访管理</source>
        <translation>Return visits</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="36"/>
        <source>退换货</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="37"/>
        <source>维修工单</source>
        <translation>Repairs</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="38"/>
        <source>求助与公告</source>
        <translation>Help &amp; notices</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="39"/>
        <source>业务知识库</source>
        <translation>Knowledge base</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="40"/>
        <source>统计报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="41"/>
        <source>交接班</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="42"/>
        <source>留言转告</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="43"/>
        <source>值守清单</source>
        <translation>Duty checklist</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="44"/>
        <source>监督检查</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="45"/>
        <source>礼仪自查</source>
        <translation>Etiquette self-check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="46"/>
        <source>排班考勤</source>
        <translation>Shifts &amp; attendance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="47"/>
        <source>违纪罚款</source>
        <translation>Discipline &amp; fines</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="49"/>
        <source>考核管理</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="51"/>
        <source>培训记录</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="53"/>
        <source>罚款标准</source>
        <translation>Fine schedule</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="54"/>
        <source>员工档案</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="55"/>
        <source>部门管理</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="57"/>
        <source>节假日设置</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="58"/>
        <source>规范用语</source>
        <translation>Standard phrases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="59"/>
        <source>数据同步</source>
        <translation>Data sync</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/pages/registry.py" line="60"/>
        <source>系统维护</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <location filename="../../frontdesk/ui/ops.py" line="70"/>
        <source>无法写入文件：{0}</source>
        <translation>Cannot write the file: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/ops.py" line="211"/>
        <source>{0}（已写入 {1:,} 行）</source>
        <translation>{0} ({1:,} rows written)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/ops.py" line="216"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/ops.py" line="243"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>print</name>
    <message>
        <location filename="../../frontdesk/domain/printdoc.py" line="143"/>
        <source>第{0}联 {1}</source>
        <translation>Copy {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="166"/>
        <source>转入“{0}”</source>
        <translation>Moved to “{0}”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="171"/>
        <source>{0}（暂停计时）</source>
        <translation>{0} (clock paused)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="173"/>
        <source>{0} / {1}级（{2}）</source>
        <translation>{0} / level {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="176"/>
        <source>投诉转办处理单</source>
        <translation>Complaint transfer slip</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="76"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="109"/>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="180"/>
        <source>受理时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="109"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="131"/>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="181"/>
        <source>受理人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="182"/>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="77"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="110"/>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="183"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="184"/>
        <source>投诉类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="185"/>
        <source>严重程度 / 等级</source>
        <translation>Severity / level</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="186"/>
        <source>承办部门</source>
        <translation>Handling department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="187"/>
        <source>承办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="188"/>
        <source>当前阶段</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="189"/>
        <source>最近时限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="49"/>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="189"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="190"/>
        <source>本阶段时限</source>
        <translation>Stage deadline</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="191"/>
        <source>答复客户时限</source>
        <translation>Reply deadline</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="192"/>
        <source>投诉事由</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="193"/>
        <source>投诉内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="194"/>
        <source>承办部门处理意见</source>
        <translation>Handling department&apos;s opinion</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="195"/>
        <source>处理结果及客户意见</source>
        <translation>Outcome and customer&apos;s view</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="149"/>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="197"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="149"/>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="197"/>
        <source>事项</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="76"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="100"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="149"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="154"/>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="197"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="48"/>
        <source>合格</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="48"/>
        <source>不合格</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="55"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="81"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="60"/>
        <source>{0}、{1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="70"/>
        <source>在 {0} 天换货期限内</source>
        <translation>Within the {0}-day exchange period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="70"/>
        <source>超出 {0} 天换货期限</source>
        <translation>Past the {0}-day exchange period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="71"/>
        <source>换货凭证</source>
        <translation>Exchange voucher</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="73"/>
        <source>在 {0} 天退货期限内</source>
        <translation>Within the {0}-day return period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="73"/>
        <source>超出 {0} 天退货期限</source>
        <translation>Past the {0}-day return period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="74"/>
        <source>退货凭证</source>
        <translation>Return voucher</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="77"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="110"/>
        <source>顾客</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="78"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="78"/>
        <source>商品类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="79"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="111"/>
        <source>商品</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="79"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="80"/>
        <source>实付金额</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="80"/>
        <source>购买日期</source>
        <translation>Purchase date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="81"/>
        <source>购物凭证</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="82"/>
        <source>政策核对</source>
        <translation>Policy check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="83"/>
        <source>退换原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="84"/>
        <source>处理意见</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="87"/>
        <source>换回商品</source>
        <translation>Replacement item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="88"/>
        <source>退款金额</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="90"/>
        <source>审批人</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="92"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="93"/>
        <source>检查项目</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="93"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="94"/>
        <source>商品质量</source>
        <translation>Item quality</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="95"/>
        <source>包装完好</source>
        <translation>Packaging intact</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="96"/>
        <source>配件齐全</source>
        <translation>Accessories complete</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="97"/>
        <source>验货检查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="100"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="131"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="154"/>
        <source>顾客签字</source>
        <translation>Customer signature</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="100"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="131"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="154"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="101"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="132"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="155"/>
        <source>顾客联</source>
        <translation>Customer copy</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="101"/>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="155"/>
        <source>存根联</source>
        <translation>Desk copy</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="103"/>
        <source>请妥善保管本凭证，凭此查询退款进度或办理后续事宜。</source>
        <translation>Please keep this voucher: it is needed to ask about the refund or for any follow-up.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="111"/>
        <source>品牌型号</source>
        <translation>Brand / model</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="112"/>
        <source>序列号</source>
        <translation>Serial no.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="112"/>
        <source>保修</source>
        <translation>Warranty</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="113"/>
        <source>故障描述</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="114"/>
        <source>随机配件</source>
        <translation>Accessories</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="115"/>
        <source>收件外观</source>
        <translation>Condition on receipt</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="116"/>
        <source>预计完成</source>
        <translation>Expected by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="116"/>
        <source>待定</source>
        <translation>To be confirmed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="117"/>
        <source>预计费用</source>
        <translation>Estimated cost</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="118"/>
        <source>取件方式</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="119"/>
        <source>邮寄地址</source>
        <translation>Mailing address</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="128"/>
        <source>返修次数</source>
        <translation>Reworks</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="130"/>
        <source>维修受理单</source>
        <translation>Repair intake receipt</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="132"/>
        <source>前台存根联</source>
        <translation>Front desk copy</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="135"/>
        <source>取件时请出示本单（顾客联）。维修结果出来后我们将电话或短信通知您；配件及外观以本单记录为准。</source>
        <translation>Please show this receipt (customer copy) when collecting. We will call or text you when the repair is done; accessories and condition are as recorded here.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="142"/>
        <source>满意，已验收</source>
        <translation>Satisfied, accepted</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="142"/>
        <source>不满意，返修</source>
        <translation>Not satisfied, back for rework</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="144"/>
        <source>维修结果</source>
        <translation>Repair result</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="144"/>
        <source>当前状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="145"/>
        <source>取件检查</source>
        <translation>Pickup inspection</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="146"/>
        <source>顾客验收</source>
        <translation>Customer acceptance</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="147"/>
        <source>取件时间</source>
        <translation>Picked up at</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="149"/>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="197"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="151"/>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="198"/>
        <source>处理经过</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="153"/>
        <source>维修取件单</source>
        <translation>Repair pickup slip</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="157"/>
        <source>顾客签字即表示已当面检查商品及配件，确认无误。</source>
        <translation>By signing, the customer confirms having checked the item and accessories in person.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="164"/>
        <source>维修中</source>
        <translation>Under repair</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="170"/>
        <source>通知客户（{0}，{1}）</source>
        <translation>Customer notified ({0}, {1})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="172"/>
        <source>转为“{0}”</source>
        <translation>Changed to “{0}”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="199"/>
        <source>转办人</source>
        <translation>Transferred by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="199"/>
        <source>承办部门负责人</source>
        <translation>Dept. head</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="199"/>
        <source>客服主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="200"/>
        <source>承办部门联</source>
        <translation>Department copy</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="200"/>
        <source>客服中心存根联</source>
        <translation>Service desk stub</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/complaints/case_list.py" line="203"/>
        <source>请承办部门在答复时限前将处理意见反馈客服中心；天数按工作日、小时按服务时间计算，暂停期间不计。</source>
        <translation>Please return the department&apos;s opinion to the service desk before the reply deadline; days are working days, hours are service hours, paused time is not counted.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="133"/>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="122"/>
        <source>{0} 人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="124"/>
        <source>已签字锁定：{0}，{1}</source>
        <translation>Signed off and locked: {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="127"/>
        <source>月度罚款表</source>
        <translation>Monthly fine sheet</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="128"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="128"/>
        <source>罚款合计</source>
        <translation>Total fines</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="31"/>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="128"/>
        <source>{0} 元</source>
        <translation>¥{0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/aftersales/papers.py" line="84"/>
        <location filename="../../frontdesk/services/assessments/results.py" line="107"/>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="129"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="129"/>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="129"/>
        <source>{0} 条</source>
        <translation>{0} item(s)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="130"/>
        <source>按员工汇总</source>
        <translation>By staff</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="100"/>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="100"/>
        <source>工号</source>
        <translation>Staff No.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="101"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="101"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="102"/>
        <source>{0}（%）</source>
        <translation>{0} (%)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="104"/>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="105"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="106"/>
        <source>结果应用</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="122"/>
        <source>考核排名 {0}</source>
        <translation>Ranking {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="132"/>
        <source>考核结果</source>
        <translation>Assessment results</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="133"/>
        <source>考核期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="133"/>
        <source>考核人数</source>
        <translation>People assessed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="134"/>
        <source>排名</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="136"/>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="132"/>
        <source>制表</source>
        <translation>Prepared by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="136"/>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="132"/>
        <source>主管签字</source>
        <translation>Supervisor&apos;s signature</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/assessments/results.py" line="136"/>
        <source>审核</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="136"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="136"/>
        <source>未签字</source>
        <translation>Not signed off</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="163"/>
        <source>签字：{0}</source>
        <translation>Signed: {0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="178"/>
        <source>{0} 罚款汇总</source>
        <translation>{0} fines summary</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/discipline/fine_sheet.py" line="179"/>
        <source>{0} 违纪明细</source>
        <translation>{0} incidents</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../frontdesk/domain/report.py" line="48"/>
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/common.py" line="53"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="148"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="183"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="226"/>
        <location filename="../../frontdesk/services/reports/personnel.py" line="83"/>
        <location filename="../../frontdesk/ui/widgets/report_view.py" line="78"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/common.py" line="54"/>
        <source>未填写</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/common.py" line="87"/>
        <source>{0}（站点 {1}）</source>
        <translation>{0} (site {1})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="18"/>
        <source>{0} 周一</source>
        <translation>{0} Mon</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="18"/>
        <source>{0} 周二</source>
        <translation>{0} Tue</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="18"/>
        <source>{0} 周三</source>
        <translation>{0} Wed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="18"/>
        <source>{0} 周四</source>
        <translation>{0} Thu</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="19"/>
        <source>{0} 周五</source>
        <translation>{0} Fri</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="19"/>
        <source>{0} 周六</source>
        <translation>{0} Sat</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="19"/>
        <source>{0} 周日</source>
        <translation>{0} Sun</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="42"/>
        <source>统计接待记录…</source>
        <translation>Counting contacts…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="61"/>
        <source>统计首问负责人…</source>
        <translation>Counting by first-ask clerk…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="65"/>
        <source>按日汇总</source>
        <translation>By day</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="66"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="66"/>
        <location filename="../../frontdesk/services/reports/daily.py" line="95"/>
        <location filename="../../frontdesk/services/reports/daily.py" line="102"/>
        <location filename="../../frontdesk/services/reports/weekly.py" line="134"/>
        <source>接待总数</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="68"/>
        <source>其中投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="68"/>
        <location filename="../../frontdesk/services/reports/daily.py" line="97"/>
        <source>已转办</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="69"/>
        <location filename="../../frontdesk/services/reports/daily.py" line="85"/>
        <location filename="../../frontdesk/services/reports/daily.py" line="98"/>
        <location filename="../../frontdesk/services/reports/weekly.py" line="121"/>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="69"/>
        <location filename="../../frontdesk/services/reports/daily.py" line="98"/>
        <source>处理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="79"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="135"/>
        <location filename="../../frontdesk/services/reports/weekly.py" line="92"/>
        <location filename="../../frontdesk/services/reports/weekly.py" line="121"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="79"/>
        <location filename="../../frontdesk/services/reports/daily.py" line="104"/>
        <location filename="../../frontdesk/services/reports/daily.py" line="106"/>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="80"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="135"/>
        <location filename="../../frontdesk/services/reports/weekly.py" line="92"/>
        <source>占比</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="81"/>
        <source>按类别</source>
        <translation>By category</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="82"/>
        <source>按渠道</source>
        <translation>By channel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="82"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="83"/>
        <source>按首问负责人</source>
        <translation>By first-ask clerk</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="84"/>
        <location filename="../../frontdesk/services/reports/personnel.py" line="74"/>
        <location filename="../../frontdesk/services/reports/personnel.py" line="146"/>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="84"/>
        <location filename="../../frontdesk/services/reports/personnel.py" line="74"/>
        <location filename="../../frontdesk/services/reports/personnel.py" line="146"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="84"/>
        <source>接待</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="85"/>
        <location filename="../../frontdesk/services/reports/weekly.py" line="122"/>
        <source>办结率</source>
        <translation>Closed rate</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="89"/>
        <source>（已删除）</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="91"/>
        <source>整理图表…</source>
        <translation>Drawing charts…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="92"/>
        <source>每日接待汇总</source>
        <translation>Daily contact summary</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="95"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="252"/>
        <location filename="../../frontdesk/services/reports/personnel.py" line="89"/>
        <location filename="../../frontdesk/services/reports/personnel.py" line="157"/>
        <location filename="../../frontdesk/services/reports/weekly.py" line="133"/>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="96"/>
        <source>投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="101"/>
        <source>每日接待量</source>
        <translation>Contacts per day</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="103"/>
        <source>接待类别</source>
        <translation>Contact categories</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="105"/>
        <source>接待渠道</source>
        <translation>Contact channels</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="108"/>
        <location filename="../../frontdesk/services/reports/weekly.py" line="147"/>
        <source>本期间没有接待记录。</source>
        <translation>No contacts in this period.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/daily.py" line="109"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="269"/>
        <location filename="../../frontdesk/services/reports/personnel.py" line="97"/>
        <location filename="../../frontdesk/services/reports/personnel.py" line="163"/>
        <location filename="../../frontdesk/services/reports/weekly.py" line="148"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="47"/>
        <source>未指定部门</source>
        <translation>No department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="48"/>
        <source>一般投诉</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="48"/>
        <source>重大投诉</source>
        <translation>Major</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="134"/>
        <source>投诉类别（本月受理）</source>
        <translation>Complaint categories (received)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="135"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="155"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="261"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="263"/>
        <location filename="../../frontdesk/services/reports/weekly.py" line="121"/>
        <source>受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="136"/>
        <source>其中重大</source>
        <translation>Major</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="136"/>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="136"/>
        <source>未结案</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="154"/>
        <source>责任部门（本月受理与本月结案）</source>
        <translation>Departments (received and closed)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="155"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="262"/>
        <source>责任部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="155"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="177"/>
        <source>结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="156"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="179"/>
        <location filename="../../frontdesk/services/reports/weekly.py" line="110"/>
        <source>按时答复</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="156"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="179"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="263"/>
        <source>超时</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="156"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="179"/>
        <source>按时率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="157"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="178"/>
        <source>平均办结(工作日)</source>
        <translation>Mean days to close</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="176"/>
        <source>办结时长与答复时限（本月结案）</source>
        <translation>Time to close vs deadline (closed)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="177"/>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="177"/>
        <source>答复时限(工作日)</source>
        <translation>Deadline (workdays)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="178"/>
        <source>最长(工作日)</source>
        <translation>Longest (workdays)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="194"/>
        <source>满意度（本月结案投诉、本月回访）</source>
        <translation>Satisfaction (closed complaints, return visits)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="195"/>
        <location filename="../../frontdesk/services/reports/satisfaction_dimensions.py" line="18"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="196"/>
        <location filename="../../frontdesk/services/reports/satisfaction_dimensions.py" line="20"/>
        <source>未评价</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="196"/>
        <location filename="../../frontdesk/services/reports/satisfaction_dimensions.py" line="20"/>
        <source>满意率</source>
        <translation>Satisfied rate</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="198"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="252"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="265"/>
        <location filename="../../frontdesk/services/reports/satisfaction_dimensions.py" line="21"/>
        <source>结案投诉</source>
        <translation>Closed complaints</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="199"/>
        <location filename="../../frontdesk/services/reports/satisfaction_dimensions.py" line="22"/>
        <source>回访</source>
        <translation>Return visits</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="213"/>
        <source>回访完成情况（本月）</source>
        <translation>Return visits (done)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="214"/>
        <source>回访方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="214"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="254"/>
        <source>回访次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="214"/>
        <source>其中投诉回访</source>
        <translation>On complaints</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="215"/>
        <source>其中重点客户/常客</source>
        <translation>Key customers</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="233"/>
        <source>统计投诉类别…</source>
        <translation>Counting complaint categories…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="235"/>
        <source>核对结案时限…</source>
        <translation>Checking deadlines…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="237"/>
        <source>统计责任部门…</source>
        <translation>Counting by department…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="240"/>
        <source>统计满意度与回访…</source>
        <translation>Counting satisfaction and visits…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="247"/>
        <source>月度服务质量分析</source>
        <translation>Monthly service quality</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="252"/>
        <location filename="../../frontdesk/services/reports/monthly.py" line="259"/>
        <source>受理投诉</source>
        <translation>Complaints received</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="253"/>
        <source>按时答复率</source>
        <translation>Answered on time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="253"/>
        <source>投诉满意率</source>
        <translation>Complaint satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="254"/>
        <source>回访满意率</source>
        <translation>Visit satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="258"/>
        <source>每日受理投诉</source>
        <translation>Complaints per day</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="260"/>
        <source>投诉类别</source>
        <translation>Complaint categories</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="264"/>
        <source>投诉满意度</source>
        <translation>Complaint satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/monthly.py" line="268"/>
        <source>本期间没有受理或结案的投诉。</source>
        <translation>No complaints received or closed in this period.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/output.py" line="55"/>
        <source>&#x3000;（{0}）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/output.py" line="69"/>
        <source>制表</source>
        <translation>Prepared by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/output.py" line="69"/>
        <source>审核</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/output.py" line="97"/>
        <source>报表</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/output.py" line="97"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/output.py" line="98"/>
        <source>审计链校验码</source>
        <translation>Audit chain check code</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/output.py" line="99"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/output.py" line="99"/>
        <source>内容</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/output.py" line="100"/>
        <source>概要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="28"/>
        <source>规章制度</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="28"/>
        <source>工标考核</source>
        <translation>Work standards</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="28"/>
        <source>劳动纪律</source>
        <translation>Labour discipline</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="42"/>
        <source>统计违纪罚款…</source>
        <translation>Counting fines…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="63"/>
        <source>统计考勤异常…</source>
        <translation>Counting attendance exceptions…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="73"/>
        <source>违纪罚款及考勤异常（按员工）</source>
        <translation>Fines and attendance (by staff)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="74"/>
        <source>已确认(次)</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="75"/>
        <source>{0}(元)</source>
        <translation>{0} (¥)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="75"/>
        <source>罚款合计(元)</source>
        <translation>Fines (¥)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="76"/>
        <source>待确认/申诉(次)</source>
        <translation>Pending/appeal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="76"/>
        <source>待确认金额(元)</source>
        <translation>Pending (¥)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="77"/>
        <source>迟到</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="77"/>
        <source>早退</source>
        <translation>Left early</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="77"/>
        <source>旷工</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="83"/>
        <location filename="../../frontdesk/services/reports/personnel.py" line="89"/>
        <source>{0} 人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="88"/>
        <source>违纪罚款月报</source>
        <translation>Monthly fines</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="89"/>
        <source>涉及员工</source>
        <translation>Staff involved</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="90"/>
        <source>已确认罚款</source>
        <translation>Confirmed fines</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="90"/>
        <location filename="../../frontdesk/services/reports/personnel.py" line="91"/>
        <source>{0} 次，{1:,.2f} 元</source>
        <translation>{0} times, ¥{1:,.2f}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="91"/>
        <source>待确认/申诉</source>
        <translation>Pending / appealed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="92"/>
        <source>考勤异常</source>
        <translation>Attendance exceptions</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="92"/>
        <source>迟到 {0}，早退 {1}，旷工 {2}</source>
        <translation>late {0}, left early {1}, absent {2}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="93"/>
        <source>罚款按类别(元)</source>
        <translation>Fines by category (¥)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="94"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="96"/>
        <source>本期间没有违纪记录或考勤异常。</source>
        <translation>No incidents or attendance exceptions in this period.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="143"/>
        <source>读取考核结果…</source>
        <translation>Reading assessment results…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="145"/>
        <source>考核结果（按考核期排名）</source>
        <translation>Assessment results (ranked per period)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="146"/>
        <source>考核期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="146"/>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="147"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="147"/>
        <source>{0}(%)</source>
        <translation>{0} (%)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="148"/>
        <source>总分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="148"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="148"/>
        <source>结果应用</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="156"/>
        <source>考核结果汇总</source>
        <translation>Assessment results</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="157"/>
        <source>考核人次</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="158"/>
        <source>{0} 人次</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="159"/>
        <source>考核等级分布</source>
        <translation>Grades</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="160"/>
        <source>人次</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/personnel.py" line="162"/>
        <source>本期间内没有已评分的月度或季度考核。</source>
        <translation>No scored monthly or quarterly assessments in this period.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/satisfaction_dimensions.py" line="17"/>
        <source>满意度分项（处理速度、处理结果、沟通态度）</source>
        <translation>Satisfaction by dimension (speed, result, communication)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/satisfaction_dimensions.py" line="18"/>
        <source>分项</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="88"/>
        <source>统计类别…</source>
        <translation>Counting categories…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="91"/>
        <source>类别分析（与上期比较）</source>
        <translation>Categories (vs previous period)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="92"/>
        <location filename="../../frontdesk/services/reports/weekly.py" line="141"/>
        <source>本期</source>
        <translation>This period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="93"/>
        <location filename="../../frontdesk/services/reports/weekly.py" line="142"/>
        <source>上期</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="93"/>
        <source>增减</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="93"/>
        <source>增幅</source>
        <translation>Growth</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="100"/>
        <source>统计热点问题…</source>
        <translation>Finding hot topics…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="102"/>
        <source>热点问题（诉求高频词）</source>
        <translation>Hot topics (frequent words in requests)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="103"/>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="103"/>
        <source>关键词</source>
        <translation>Keyword</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="104"/>
        <location filename="../../frontdesk/services/reports/weekly.py" line="145"/>
        <source>出现次数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="104"/>
        <source>占诉求比例</source>
        <translation>Share of requests</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="105"/>
        <source>把诉求文字分词后计数（每条诉求每个词只计一次），用站点词典保留“道闸、充电桩”等专用词，略去停用词。</source>
        <translation>Request texts are cut into words and counted (each word once per request); the site dictionary keeps terms such as “barrier gate” and “charging pile” whole, and stop words are left out.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="108"/>
        <source>统计转办超期…</source>
        <translation>Counting overdue transfers…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="109"/>
        <source>转办超期率（按承办部门，期限在本期内的转办）</source>
        <translation>Overdue transfers (by department, due in this period)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="110"/>
        <source>承办部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="110"/>
        <source>到期转办</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="111"/>
        <source>超期答复</source>
        <translation>Replied late</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="111"/>
        <source>超期未答复</source>
        <translation>Overdue, no reply</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="111"/>
        <source>超期率</source>
        <translation>Overdue rate</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="119"/>
        <source>统计办结时长…</source>
        <translation>Measuring time to close…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="120"/>
        <source>办结时长（本期受理的接待）</source>
        <translation>Time to close (contacts received)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="122"/>
        <source>平均办结时长(小时)</source>
        <translation>Mean hours to close</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="130"/>
        <source>每周汇总分析</source>
        <translation>Weekly analysis</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="134"/>
        <source>{0:,}（上期 {1:,}）</source>
        <translation>{0:,} (previous {1:,})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="135"/>
        <source>转办超期率</source>
        <translation>Transfers overdue</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="136"/>
        <source>平均办结时长</source>
        <translation>Mean time to close</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="136"/>
        <source>{0} 小时</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="137"/>
        <source>首位热点</source>
        <translation>Top topic</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="140"/>
        <source>类别：本期与上期</source>
        <translation>Categories: this period and previous</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/weekly.py" line="144"/>
        <source>热点问题</source>
        <translation>Hot topics</translation>
    </message>
</context>
<context>
    <name>screenshots</name>
    <message>
        <location filename="../../frontdesk/ui/screenshots.py" line="28"/>
        <source>此项填写有误：请按提示修改后再保存（示例错误信息，检查错误全部显示时仍放得下）</source>
        <translation>This entry is not valid: correct it as shown and save again (a sample message, to check that the form fits with every error shown)</translation>
    </message>
</context>
<context>
    <name>site_comparison</name>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="25"/>
        <source>站点</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="25"/>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="110"/>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="118"/>
        <source>接待登记</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="26"/>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="110"/>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="119"/>
        <source>受理投诉</source>
        <translation>Complaints received</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="26"/>
        <source>结案投诉</source>
        <translation>Complaints closed</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="27"/>
        <source>按时答复</source>
        <translation>Answered on time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="27"/>
        <source>超时答复</source>
        <translation>Answered late</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="28"/>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="111"/>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="121"/>
        <source>按时答复率</source>
        <translation>On-time answer rate</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="29"/>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="112"/>
        <source>投诉满意率</source>
        <translation>Complaint satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="30"/>
        <source>回访满意率</source>
        <translation>Return-visit satisfaction</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="31"/>
        <source>违纪(次)</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="31"/>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="113"/>
        <source>罚款合计(元)</source>
        <translation>Fines total (CNY)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="72"/>
        <source>统计各站点接待…</source>
        <translation>Counting contacts per site…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="75"/>
        <source>核对各站点投诉时限…</source>
        <translation>Checking complaint deadlines per site…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="82"/>
        <source>统计满意度与罚款…</source>
        <translation>Counting satisfaction and fines…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="89"/>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="107"/>
        <source>站点对比</source>
        <translation>Site comparison</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="90"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="109"/>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="109"/>
        <source>站点数</source>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="117"/>
        <source>各站点接待与投诉</source>
        <translation>Contacts and complaints per site</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="120"/>
        <source>各站点按时答复率(%)</source>
        <translation>On-time answer rate per site (%)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="124"/>
        <source>数据库中只有一个站点的数据；总部导入各站点数据后，这里逐站对比。</source>
        <translation>The database holds one site&apos;s records only; once head office imports the sites&apos; data, they are compared here side by side.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/reports/site_comparison.py" line="125"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>sla</name>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="43"/>
        <source>答复时限：一般投诉</source>
        <translation>Answer (general)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="44"/>
        <source>答复时限：重大投诉</source>
        <translation>Answer (major)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="45"/>
        <source>受理（即时）</source>
        <translation>Intake (immediately)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="46"/>
        <source>核实</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="47"/>
        <source>方案</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="48"/>
        <source>反馈（即时）</source>
        <translation>Feedback (immediately)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="49"/>
        <source>归档总结</source>
        <translation>Archive and review</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="50"/>
        <source>执行：退款到账</source>
        <translation>Refund paid</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="51"/>
        <source>执行：换货发出</source>
        <translation>Exchange shipped</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="52"/>
        <source>1级（一般）响应</source>
        <translation>Level 1 respond</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="53"/>
        <source>1级（一般）解决</source>
        <translation>Level 1 resolve</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="54"/>
        <source>2级（紧急）响应</source>
        <translation>Level 2 respond</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="55"/>
        <source>2级（紧急）解决</source>
        <translation>Level 2 resolve</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="56"/>
        <source>3级（重大）响应</source>
        <translation>Level 3 respond</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/sla_policy.py" line="57"/>
        <source>3级（重大）解决</source>
        <translation>Level 3 resolve</translation>
    </message>
</context>
<context>
    <name>supervision</name>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="62"/>
        <source>仪容仪表：工装、工牌、发型</source>
        <translation>Appearance: uniform, badge, hair</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="63"/>
        <source>言行举止：站姿坐姿，不扎堆聊天</source>
        <translation>Conduct: posture, no chatting in groups</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="64"/>
        <source>服务态度：主动问好、微笑、耐心</source>
        <translation>Attitude: greets first, smiles, patient</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="65"/>
        <source>规范用语：首问负责，不说禁语</source>
        <translation>Standard phrases: first-contact ownership, no forbidden phrases</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="66"/>
        <source>工作流程：登记完整、按时限转办</source>
        <translation>Procedure: complete records, transfers on time</translation>
    </message>
    <message>
        <location filename="../../frontdesk/domain/supervision.py" line="67"/>
        <source>前台环境：台面整洁、物品摆放整齐</source>
        <translation>Desk: tidy counter, things in order</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../frontdesk/services/sync/importer.py" line="65"/>
        <source>试导入（未写入）</source>
        <translation>Trial import (nothing written)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/importer.py" line="65"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/importer.py" line="66"/>
        <source>新增 {0}，更新 {1}，跳过 {2}，冲突 {3}</source>
        <translation>{0} new, {1} updated, {2} skipped, {3} conflicts</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/importer.py" line="67"/>
        <source>{0}：来自站点 {1}（导出于 {2}）</source>
        <translation>{0}: from site {1} (exported {2})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/importer.py" line="71"/>
        <source>  {0}：{1}</source>
        <translation>  {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/sync/importer.py" line="74"/>
        <source>照片：新增 {0}，本站已有 {1}</source>
        <translation>Photos: {0} new, {1} already here</translation>
    </message>
</context>
<context>
    <name>unreachable</name>
    <message>
        <location filename="../../frontdesk/ui/dialogs/unreachable.py" line="30"/>
        <source>无法连接数据库服务器</source>
        <translation>Cannot reach the database server</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/unreachable.py" line="33"/>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/unreachable.py" line="37"/>
        <source>服务器恢复后点“重试”；连接信息有变（地址、密码）时点“连接设置…”。</source>
        <translation>Click “Retry” once the server is back; if the connection details changed (address, password), click “Connection settings…”.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/unreachable.py" line="38"/>
        <source>连接设置…</source>
        <translation>Connection settings…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/unreachable.py" line="42"/>
        <source>表单中已输入的内容都还在：服务器恢复后点“重试”即可保存，或点“返回表单”稍后再保存。</source>
        <translation>Everything typed in the form is still there: click “Retry” to save once the server is back, or “Back to the form” to save later.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/unreachable.py" line="44"/>
        <source>返回表单</source>
        <translation>Back to the form</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/dialogs/unreachable.py" line="47"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message>
        <location filename="../../frontdesk/domain/workdays.py" line="50"/>
        <source>{0} 年的法定节假日数据缺失，工作日暂按周一至周五计算；请主管在“节假日设置”中导入放假安排文件，或逐日录入放假和调休日期。</source>
        <translation>No statutory holiday data for {0}: working days are counted Monday–Friday for now. A manager should import the holiday schedule file on the Holidays page, or enter the days off and make-up working days.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/services/core/holidays.py" line="57"/>
        <source>{0} 年的放假安排尚未导入：请在“节假日设置”中导入国务院公布的放假安排文件（holiday-cn 的 JSON 或 .ics），否则 {0} 年的时限将按周一至周五计算。</source>
        <translation>The holiday schedule of {0} has not been imported yet: import the State Council schedule (holiday-cn JSON or .ics) on the Holidays page, or deadlines in {0} will be counted Monday–Friday.</translation>
    </message>
</context>
</TS>
